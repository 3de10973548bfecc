namespace Orchestrator.Udesk.Simulator.World;

// Things Udesk does on its side without telling anyone: sessions closed and queue places dropped with no push.
// They happen by chance (SessionClosedSilentlyRate, QueueDropRate) or on demand through /_sim/.
public sealed partial class SimulatorWorld
{
    /// <summary>The close type of a session Udesk closed whose <c>close</c> push was lost.</summary>
    public const string SilentCloseType = "silent";

    /// <summary>Udesk closes the session on its side and its close push is lost: nothing is pushed.</summary>
    public SessionView CloseSilently(long sessionId)
    {
        lock (gate)
        {
            var session = OpenSessionById(sessionId);
            EndSession(session, SilentCloseType);
            return session.View();
        }
    }

    /// <summary>Udesk drops the queued customer without a push; their messages held for the agent go with them.</summary>
    public void DropFromQueue(string customerToken)
    {
        lock (gate)
        {
            var entry = queue.Find(e => e.Customer.Token == customerToken) ?? throw new KeyNotFoundException($"Customer {customerToken} is not queued.");
            queue.Remove(entry);
        }
    }

    /// <summary>Drawn when a customer message or preview reaches an open session, so the call that meets the loss is refused too.</summary>
    private void LoseSessionByChance(long sessionId)
    {
        if (sessions.GetValueOrDefault(sessionId) is { Open: true } session && random.QuirkHappens(settings.Quirks.SessionClosedSilentlyRate))
        {
            EndSession(session, SilentCloseType);
        }
    }

    /// <summary>Drawn when a call concerns a queued customer, before it is answered from the queue.</summary>
    private void DropFromQueueByChance(string customerToken)
    {
        if (queue.Find(e => e.Customer.Token == customerToken) is { } entry && random.QuirkHappens(settings.Quirks.QueueDropRate))
        {
            queue.Remove(entry);
        }
    }
}
