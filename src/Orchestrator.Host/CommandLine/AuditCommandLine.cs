using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.CommandLine;

/// <summary>
/// <c>audit &lt;tenant&gt; &lt;token&gt; [--format json|csv|text]</c> to stdout, and
/// <c>export &lt;tenant&gt; --from T --to T --out FILE [--offset N]</c>: read the configured journal directly (same
/// configuration as the service: appsettings, environment, <c>--Orchestrator:Store:…</c>), with a local actor
/// system that joins no cluster and wakes no conversation. Exit code 0 done, 1 nothing found or failed, 2 usage.
/// </summary>
public static class AuditCommandLine
{
    private const string Usage = """
        usage: audit <tenant> <customer_token> [--format json|csv|text]
               export <tenant> --from <ISO 8601> --to <ISO 8601> --out <file> [--offset <journal offset>]
        Configuration as for the service, e.g. --Orchestrator:Store:ConnectionString "Data Source=data/orchestrator.db".
        """;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is "audit" or "export";

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        if (!AuditArguments.TryParse(args, out var command, out var problem))
        {
            await stderr.WriteLineAsync($"{problem}\n{Usage}");
            return 2;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(command.Configuration);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        var store = ValidatedConfiguration.Bind(builder.Configuration, ConversationStoreOptions.Section, new ConversationStoreOptionsValidator());
        if (ReadOnlyStoreProblem(store) is { } missing)
        {
            await stderr.WriteLineAsync(missing);
            return 1;
        }

        // An audit reads: it never creates tables.
        store.AutoInitialize = false;
        builder.Services.AddAkka("orchestrator-audit", akka => akka
            .AddHocon("akka.stdout-loglevel = OFF", HoconAddMode.Prepend)
            // The journal also holds the cluster's own events (shard coordinators): a read of all events needs their serializer.
            .AddHocon(ClusterSharding.DefaultConfig(), HoconAddMode.Append)
            .ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = Akka.Event.LogLevel.WarningLevel;
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .WithConversationStore(store)
            .WithConversationSerialization());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var journal = new AuditJournal(host.Services.GetRequiredService<ActorSystem>());
            return command switch
            {
                AuditArguments.Audit audit => await AuditAsync(journal, audit, stdout, stderr),
                AuditArguments.Export export => await ExportAsync(journal, export, stderr),
                _ => 2,
            };
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<int> AuditAsync(AuditJournal journal, AuditArguments.Audit audit, TextWriter stdout, TextWriter stderr)
    {
        var id = new ConversationId(audit.Tenant, audit.Token);
        var events = await journal.EventsOf(id, CancellationToken.None);
        if (events.Count == 0)
        {
            await stderr.WriteLineAsync($"No conversation with customer token '{audit.Token}' in tenant '{audit.Tenant}'.");
            return 1;
        }

        await stdout.WriteAsync(AuditWriter.Write(AuditReport.Of(id, events), audit.Format));
        await stdout.FlushAsync();
        return 0;
    }

    private static async Task<int> ExportAsync(AuditJournal journal, AuditArguments.Export export, TextWriter stderr)
    {
        await using var file = new StreamWriter(export.Out, append: false);
        var progress = await AuditExport.WriteAsync(journal, export.Tenant, export.From, export.To, export.AfterOffset, file, CancellationToken.None);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {progress.Events} events to {export.Out}; last offset {progress.LastOffset}."));
        return 0;
    }

    /// <summary>A SQLite file that does not exist is a wrong path, not an empty journal: say so instead of creating one.</summary>
    private static string? ReadOnlyStoreProblem(ConversationStoreOptions store)
    {
        if (store.Provider != StoreProvider.Sqlite)
        {
            return null;
        }

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        return File.Exists(file) ? null : $"No journal at '{Path.GetFullPath(file)}' ({ConversationStoreOptions.Section}:ConnectionString).";
    }
}
