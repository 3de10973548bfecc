using System.Collections.Immutable;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// What one input to a <see cref="DeliveryPump"/> leads to: the pump that follows, the <see cref="Effects"/> to run
/// now, the events to persist (each handed back through <see cref="DeliveryPump.Persisted"/>), and the
/// <see cref="Reply"/> to the input's sender once they are persisted (at once when there are none).
/// </summary>
public sealed record DeliveryStep(DeliveryPump Pump)
{
    public ImmutableList<DeliveryEffect> Effects { get; init; } = [];

    public ImmutableList<Event> Persist { get; init; } = [];

    public Reply? Reply { get; init; }

    /// <summary>This step with <paramref name="effects"/> run before its own.</summary>
    public DeliveryStep After(ImmutableList<DeliveryEffect> effects) => this with { Effects = effects.AddRange(Effects) };

    /// <summary>This step also persisting <paramref name="e"/>, which its pump counts as a write under way.</summary>
    internal DeliveryStep Persisting(Event e) => this with { Pump = Pump.WithWriteUnderWay(), Persist = Persist.Add(e) };
}
