using Akka.Actor;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Host.Hosting;

/// <summary>
/// Starts the SQL read journal before the service answers requests, so the feed, streams and audits never meet
/// the read journal's 5 s start-up limit (<see cref="SqlReadJournalStart"/>). Registered after the actor system,
/// it starts after it.
/// </summary>
internal sealed class ReadJournalStartup(ActorSystem system) : IHostedService
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public Task StartAsync(CancellationToken cancellationToken) => SqlReadJournalStart.WhenStartedAsync(system, Patience, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
