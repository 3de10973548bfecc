using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// A dropped duplicate leaves a trace for audits, bounded: only the first
/// <see cref="ConversationRules.RecordedRepeatsPerId"/> repeats of an id are recorded, so a storm of one duplicate
/// cannot grow the journal without limit.
/// </summary>
internal static class DuplicateRules
{
    public static void Dropped(EventSequencer events, DuplicateSource source, string messageId, string kind, long originalSeq)
    {
        var repeat = events.State.RecordedRepeatsOf(source, messageId) + 1;
        if (repeat <= ConversationRules.RecordedRepeatsPerId)
        {
            events.Add((seq, at) => new DuplicateDropped(seq, at, source, messageId, kind, originalSeq, repeat));
        }
    }
}
