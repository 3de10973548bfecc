using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>What the pump tests share: the conversation, the clock's one instant, the options, and pumps at common points.</summary>
internal static class DeliveryPumpSteps
{
    public static readonly ConversationId Id = new("acme", "c-1");
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly DeliveryOptions Options = new() { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30), MaxAttempts = 3 };

    /// <summary>A new delivery once its first read found the journal holds nothing for it yet.</summary>
    public static DeliveryPump Started(bool includeInternal = false) => DeliveryPump.Recovering(Options, includeInternal).Start().Pump.PageRead(0, [], null).Pump;

    /// <summary>The pump after <c>Deliver(upTo)</c> is recorded, waiting for its first page.</summary>
    public static DeliveryPump Scheduled(DeliveryPump pump, long upTo)
    {
        var deliver = pump.Deliver(new Deliver(Id, upTo));
        return deliver.Pump.Persisted(Assert.Single(deliver.Persist)).Pump;
    }

    public static long SentSeq(DeliveryStep step)
    {
        var send = Assert.IsType<DeliveryEffect.Send>(step.Effects[^1]);
        Assert.Equal(1, send.Attempt);
        return send.Entry.Seq;
    }

    public static FeedEntry Entry(long seq, bool isInternal = false) =>
        new(seq, Now.AddSeconds(seq), isInternal ? "survey" : "message", isInternal, $"m{seq}", 501, new Dictionary<string, object?>(), null);

    /// <summary>Feed entries carry a dictionary, compared by reference: a send is the same one if its seq and attempt are.</summary>
    public sealed class SendComparer : IEqualityComparer<DeliveryEffect>
    {
        public static readonly SendComparer Instance = new();

        public bool Equals(DeliveryEffect? x, DeliveryEffect? y) =>
            x is DeliveryEffect.Send a && y is DeliveryEffect.Send b && (a.Entry.Seq, a.Attempt) == (b.Entry.Seq, b.Attempt);

        public int GetHashCode(DeliveryEffect obj) => 0;
    }
}
