using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Migration;

/// <summary>
/// <c>dotnet Orchestrator.Host.dll retag</c>: the one-off re-tag of a journal written before conversation events were
/// tagged (<see cref="JournalRetagger"/>), with the service's configuration (<c>Orchestrator:Store</c>). Plain SQL, no
/// actor system: it may run beside the service, but the tag readers only see history re-tagged before they start, so
/// run it (or <c>migrate</c>, which runs it too) before the new version's nodes. Idempotent and resumable: run it
/// again after an interruption. Exit code 0 done, 1 failed.
/// </summary>
internal static class JournalRetag
{
    public const string Command = "retag";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[1..]).Configuration;
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
        var log = loggers.CreateLogger(typeof(JournalRetag));
        try
        {
            var store = ValidatedConfiguration.Bind(configuration, ConversationStoreOptions.Section, new ConversationStoreOptionsValidator());
            var migration = ValidatedConfiguration.Bind<MigrationOptions>(configuration, MigrationOptions.Section);
            await RetagAsync(store, migration, log, CancellationToken.None);
            return 0;
        }
        catch (OptionsValidationException e)
        {
            log.LogError("Re-tag failed: {Reason}", e.Message);
            return 1;
        }
        catch (DbException e)
        {
            log.LogError("Re-tag failed: {Reason} (does the journal table exist? `migrate` creates it)", e.Message);
            return 1;
        }
    }

    /// <summary>
    /// The tags column (a journal of the version before has none) and the outbox events' index, then every untagged
    /// conversation event, with progress in the log.
    /// </summary>
    public static async Task RetagAsync(ConversationStoreOptions store, MigrationOptions migration, ILogger log, CancellationToken cancellationToken)
    {
        var retagger = new JournalRetagger(store);
        await retagger.EnsureTagStorageAsync(cancellationToken);
        var tagged = await retagger.RetagAsync(
            migration.RetagBatch,
            p => log.LogInformation("Re-tagged {Events} events so far, down to journal offset {Offset}", p.Tagged, p.ReachedOffset),
            cancellationToken);
        log.LogInformation(string.Create(CultureInfo.InvariantCulture, $"Re-tag done: {tagged} conversation events had no tags and have them now."));
    }
}
