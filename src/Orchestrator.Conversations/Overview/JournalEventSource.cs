using Akka;
using Akka.Persistence.Query;
using Akka.Streams.Dsl;

namespace Orchestrator.Conversations.Overview;

/// <summary>
/// The journal's events after <paramref name="afterOffset"/>, live (never completing): every event today
/// (<c>AllEvents</c>); a tag query once the journal is tagged, without changing its readers.
/// </summary>
public delegate Source<EventEnvelope, NotUsed> JournalEventSource(long afterOffset);
