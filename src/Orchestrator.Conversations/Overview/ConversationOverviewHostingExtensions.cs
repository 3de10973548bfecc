using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;

namespace Orchestrator.Conversations.Overview;

public static class ConversationOverviewHostingExtensions
{
    private static readonly TimeSpan FollowAgainAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// This node's <see cref="ConversationOverviewActor"/>, in the ActorRegistry under its own type, following
    /// <paramref name="events"/> (default: every event of the SQL journal, <see cref="AllEvents"/>).
    /// </summary>
    public static AkkaConfigurationBuilder WithConversationOverview(this AkkaConfigurationBuilder builder, Func<ActorSystem, JournalEventSource>? events = null) =>
        builder.WithActors((system, registry) => registry.Register<ConversationOverviewActor>(
            system.ActorOf(ConversationOverviewActor.Props((events ?? AllEvents)(system), FollowAgainAfter), ConversationOverviewActor.Name)));

    /// <summary>Every event of the SQL journal after an offset, live.</summary>
    public static JournalEventSource AllEvents(ActorSystem system) =>
        afterOffset => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier).AllEvents(Offset.Sequence(afterOffset));
}
