using Akka.Actor;
using Akka.Event;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// At start, once the journal is up: the tags column where the node creates tables (a journal of the version before
/// has none) and the outbox events' index (<see cref="OutboxTagIndex"/>), and an error in the log when the journal holds conversation events written before tagging, which no tag reader sees until re-tagged.
/// </summary>
public static class JournalTagCheck
{
    public const string RetagCommand = "dotnet run --project src/Orchestrator.Host --no-launch-profile -- retag";

    public const string UntaggedMessage =
        "The journal holds conversation events written without tags (before this version): the tenant event stream, the "
        + "webhook dispatcher, the outbox sweeper and the export do not see them. Run the one-off re-tag with the same "
        + "Orchestrator:Store settings (`" + RetagCommand + "`, or the `migrate` command, which re-tags too); see deploy/README.md.";

    private static readonly TimeSpan JournalPatience = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(ActorSystem system, ConversationStoreOptions store)
    {
        var log = Logging.GetLogger(system, typeof(JournalTagCheck));
        try
        {
            await SqlReadJournalStart.WhenStartedAsync(system, JournalPatience, CancellationToken.None);
            var retagger = new JournalRetagger(store);
            if (store.AutoInitialize)
            {
                await retagger.EnsureTagStorageAsync(CancellationToken.None);
            }

            if (await retagger.HasUntaggedHistoryAsync(CancellationToken.None))
            {
                log.Error(UntaggedMessage);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            log.Warning("Could not check the journal's tags at start: {0}", e.Message);
        }
    }
}
