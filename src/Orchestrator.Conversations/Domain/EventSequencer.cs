using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Domain;

/// <summary>Hands out the next sequence numbers and the decision's time to the events one command produces.</summary>
internal sealed class EventSequencer(ConversationState state, DateTimeOffset now)
{
    private readonly List<Event> events = [];

    public ConversationState State { get; private set; } = state;

    public DateTimeOffset Now { get; } = now;

    public long NextSeq => State.Seq + 1;

    public IReadOnlyList<Event> Events => events;

    /// <summary>Records an event and applies it, so later decisions in the same command see its effect.</summary>
    public void Add(Func<long, DateTimeOffset, Event> create)
    {
        var @event = create(NextSeq, Now);
        events.Add(@event);
        State = State.Apply(@event);
    }
}
