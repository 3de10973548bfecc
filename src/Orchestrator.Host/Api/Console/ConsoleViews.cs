using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Overview;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Host.Api.Operations;
using static Orchestrator.Conversations.Overview.OverviewMessages;

namespace Orchestrator.Host.Api.Console;

/// <summary>The tenants the operator can choose from (the configured ones).</summary>
public sealed record ConsoleTenantsView(IReadOnlyList<string> Tenants);

/// <summary>
/// A tenant's conversations by state and its queue, from this node's overview of the journal as of
/// <see cref="JournalOffset"/>; waiting times are counted to <see cref="At"/>.
/// </summary>
public sealed record OverviewView(string Tenant, DateTimeOffset At, long JournalOffset, int Conversations, IReadOnlyDictionary<string, int> ByState, IReadOnlyList<QueuedView> Queue)
{
    public static OverviewView Of(OverviewReading reading, DateTimeOffset now) => new(
        reading.Tenant,
        now,
        reading.Offset,
        reading.Conversations,
        reading.Counts.ToDictionary(c => ConversationSummaryView.StateName(c.Key), c => c.Value),
        [.. reading.Queue.Select(entry => QueuedView.Of(entry, now))]);
}

/// <summary>A queued conversation: its queue (none while Udesk assigns), place, and how long it has waited.</summary>
public sealed record QueuedView(string CustomerToken, string? Queue, int Position, DateTimeOffset QueuedSince, double WaitingSeconds)
{
    public static QueuedView Of(OverviewEntry entry, DateTimeOffset now)
    {
        var since = entry.Summary.QueuedSince ?? entry.Summary.Since;
        return new(entry.CustomerToken, entry.Summary.Queue?.Name, entry.Summary.Queue?.Position ?? 0, since, Math.Max(0, (now - since).TotalSeconds));
    }
}

/// <summary>Conversations whose customer token matched the search.</summary>
public sealed record ConversationMatchesView(IReadOnlyList<ConversationSummaryView> Conversations);

/// <summary>One conversation as the overview knows it: its state since when, its last event, and its queue place while queued.</summary>
public sealed record ConversationSummaryView(string CustomerToken, string State, DateTimeOffset Since, DateTimeOffset LastEventAt, long Seq, string? Queue, int? QueuePosition)
{
    public static ConversationSummaryView Of(OverviewEntry entry) => new(
        entry.CustomerToken, StateName(entry.Summary.Status), entry.Summary.Since, entry.Summary.LastEventAt, entry.Summary.Seq, entry.Summary.Queue?.Name, entry.Summary.Queue?.Position);

    /// <summary>As the platform API names states (<c>queued</c>, <c>agent</c>, …).</summary>
    public static string StateName(ConversationStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>
/// The tenant's company call budget as its singleton read it: calls counted in the window against the limit,
/// requests waiting, and when the structured-message lane is free again (0: now).
/// </summary>
public sealed record BudgetView(string Tenant, int CallsInWindow, int CallsPerWindow, double WindowSeconds, int Waiting, double StructuredLaneFreeInSeconds, double StructuredLaneIntervalSeconds)
{
    public static BudgetView Of(TenantBudgetReading reading) => new(
        reading.Tenant, reading.CallsInWindow, reading.CallsPerWindow, reading.Window.TotalSeconds, reading.Waiting,
        reading.StructuredLaneFreeIn.TotalSeconds, reading.StructuredLaneInterval.TotalSeconds);
}

/// <summary>The cluster as this node sees it (as <c>GET /cluster/members</c>), and where each cluster singleton runs.</summary>
internal sealed record ConsoleClusterView(ClusterMembersEndpoint.ClusterView Cluster, IReadOnlyList<SingletonView> Singletons);

/// <param name="Node">The oldest Up member, where Akka runs every singleton; null while no member is Up.</param>
public sealed record SingletonView(string Name, string? Node);
