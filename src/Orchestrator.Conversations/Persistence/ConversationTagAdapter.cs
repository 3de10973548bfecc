using Akka.Persistence.Journal;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// Bound to <see cref="TenantEvent"/> (and <see cref="Tagged"/>) in <c>hocon/persistence.*.conf</c>: a conversation
/// event goes to the journal as itself, with the tags of <see cref="JournalTags"/>. Reading, it unwraps a
/// <see cref="Tagged"/> payload: the SQL journal stores tags apart and never returns one, but the in-memory journal
/// keeps what it was given.
/// </summary>
public sealed class ConversationTagAdapter : IEventAdapter
{
    public const string Name = "conversation-tags";

    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => evt is TenantEvent e ? new Tagged(e.Event, JournalTags.Of(e.Tenant, e.Event.GetType())) : evt;

    public IEventSequence FromJournal(object evt, string manifest) => EventSequence.Single(evt is Tagged tagged ? tagged.Payload : evt);
}
