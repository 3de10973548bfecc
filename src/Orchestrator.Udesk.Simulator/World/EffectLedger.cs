namespace Orchestrator.Udesk.Simulator.World;

/// <summary>
/// What the world did for each customer, counted at the moment it happened (not from the answers sent), so a call
/// executed and then answered 5xx counts once and its repeat counts again. Used under the world's lock.
/// </summary>
internal sealed class EffectLedger
{
    private readonly Dictionary<string, Entry> customers = new(StringComparer.Ordinal);

    public void SessionCreated(string customerToken, long? sessionId, string assignType) =>
        For(customerToken).SessionsCreated.Add(new CreatedSessionView(sessionId, assignType));

    public void CustomerMessageStored(string customerToken, string messageId)
    {
        var messages = For(customerToken).CustomerMessages;
        messages[messageId] = messages.GetValueOrDefault(messageId) + 1;
    }

    public void StructuredMessageSent(string customerToken) => For(customerToken).StructuredMessages++;

    public void TransferSurveyCounted(string customerToken) => For(customerToken).TransferSurveys++;

    public void ClosedByApi(string customerToken, long sessionId) => For(customerToken).Closes.Add(sessionId);

    public void QueueAbandoned(string customerToken, string queueName) => For(customerToken).QueueAbandons.Add(queueName);

    public IReadOnlyDictionary<string, CustomerEffectsView> View() =>
        customers.ToDictionary(c => c.Key, c => c.Value.View(), StringComparer.Ordinal);

    public void Clear() => customers.Clear();

    private Entry For(string customerToken)
    {
        if (!customers.TryGetValue(customerToken, out var entry))
        {
            entry = new Entry();
            customers.Add(customerToken, entry);
        }

        return entry;
    }

    private sealed class Entry
    {
        public List<CreatedSessionView> SessionsCreated { get; } = [];

        public Dictionary<string, int> CustomerMessages { get; } = new(StringComparer.Ordinal);

        public int StructuredMessages { get; set; }

        public int TransferSurveys { get; set; }

        public List<long> Closes { get; } = [];

        public List<string> QueueAbandons { get; } = [];

        public CustomerEffectsView View() => new(
            SessionsCreated.ToList(),
            new Dictionary<string, int>(CustomerMessages, StringComparer.Ordinal),
            StructuredMessages,
            TransferSurveys,
            Closes.ToList(),
            QueueAbandons.ToList());
    }
}
