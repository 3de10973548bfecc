using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence;
using Microsoft.Extensions.Options;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Host.Clustering;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Hosting;

namespace Orchestrator.Host.Migration;

/// <summary>
/// <c>dotnet Orchestrator.Host.dll migrate</c>: creates the journal and snapshot tables of <c>Orchestrator:Store</c> and
/// the cluster's formation lease table where missing, tags the conversation events written before tagging
/// (<see cref="JournalRetag"/>), then exits (0 when all answered from their tables). A deployment runs it once before its
/// pods start, and the pods run with <c>Orchestrator:Store:AutoInitialize=false</c>, so tables are never created by
/// several nodes at once nor by a node whose database role should only read and write rows. Creating what exists
/// already changes nothing, so it runs again safely with every release.
/// </summary>
internal static class SchemaMigration
{
    public const string Command = "migrate";

    /// <summary>Any persistence id works: the stores are asked about it only to prove their tables answer.</summary>
    private const string ProbeId = "orchestrator-schema-migration";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[1..]);
        using var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
        var log = loggers.CreateLogger(typeof(SchemaMigration));
        try
        {
            var store = ValidatedConfiguration.Bind(builder.Configuration, ConversationStoreOptions.Section, new ConversationStoreOptionsValidator());
            var migration = ValidatedConfiguration.Bind<MigrationOptions>(builder.Configuration, MigrationOptions.Section);
            store.AutoInitialize = true;
            builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
            builder.Services.AddAkka(AkkaSetup.SystemName, akka => akka.WithConversationStore(store));
            using var host = builder.Build();
            await host.StartAsync();
            try
            {
                await ConfirmTables(host.Services.GetRequiredService<ActorSystem>(), migration.Timeout);
                await CreateFormationLease(store, migration.Timeout);
                await JournalRetag.RetagAsync(store, migration, log, CancellationToken.None);
            }
            finally
            {
                await host.StopAsync();
            }

            log.LogInformation("The {Provider} store's journal and snapshot tables are in place{Schema}.", store.Provider, string.IsNullOrEmpty(store.Schema) ? "" : $" in schema {store.Schema}");
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or SchemaMigrationFailed or System.Data.Common.DbException)
        {
            log.LogError("Schema migration failed: {Reason}", e.Message);
            return 1;
        }
    }

    /// <summary>
    /// The SQL plug-ins create their tables when they start and hold every request until then, so an answer read
    /// from the tables is the proof they exist.
    /// </summary>
    private static async Task ConfirmTables(ActorSystem system, TimeSpan timeout)
    {
        var persistence = Persistence.Instance.Apply(system);
        var journal = persistence.JournalFor(null);
        var snapshots = persistence.SnapshotStoreFor(null);
        var replies = await Task.WhenAll(
            Ask(journal, replyTo => new ReplayMessages(0, 0, 0, ProbeId, replyTo), "journal", timeout),
            Ask(snapshots, _ => new LoadSnapshot(ProbeId, SnapshotSelectionCriteria.Latest, long.MaxValue), "snapshot store", timeout));
        var failure = replies.Select(r => r switch
        {
            ReplayMessagesFailure f => $"the journal failed: {f.Cause.Message}",
            LoadSnapshotFailed f => $"the snapshot store failed: {f.Cause.Message}",
            _ => null,
        }).FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            throw new SchemaMigrationFailed(failure);
        }
    }

    /// <summary>The cluster's formation lease lives beside the journal; nodes that create no tables need it too.</summary>
    private static async Task CreateFormationLease(ConversationStoreOptions store, TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await new FormationLease(store, AkkaSetup.SystemName).ReadAsync(bound.Token);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException)
        {
            throw new SchemaMigrationFailed($"the formation lease table ({FormationLease.TableName}) could not be created within {timeout} ({MigrationOptions.Section}:Timeout): {e.Message}");
        }
    }

    private static async Task<object> Ask(IActorRef store, Func<IActorRef, object> request, string name, TimeSpan timeout)
    {
        try
        {
            return await store.Ask<object>(request, timeout, CancellationToken.None);
        }
        catch (AskTimeoutException)
        {
            throw new SchemaMigrationFailed(
                $"the {name} did not confirm its tables within {timeout} ({MigrationOptions.Section}:Timeout); the log above says why (an unreachable database or missing rights).");
        }
    }

    private sealed class SchemaMigrationFailed(string message) : Exception(message);
}
