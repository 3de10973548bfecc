using System.Diagnostics.Metrics;

namespace Orchestrator.Conversations.Telemetry;

/// <summary>
/// The service's own instruments (exported on <c>/metrics</c>): what Udesk sent or answered that needed attention,
/// tagged by tenant so one misbehaving company stands out; and how the cluster carries the work (the budget, the
/// outbox, shards and singletons), tagged by node. README's "Metrics" section lists them all.
/// </summary>
public static class OrchestratorMetrics
{
    public const string MeterName = "Orchestrator";

    // Readings before the gauges that read them: static fields initialise in order.
    internal static readonly GaugeReadings Entities = new("region");
    internal static readonly GaugeReadings Shards = new("region");
    internal static readonly GaugeReadings Singletons = new("singleton");
    internal static readonly GaugeReadings BudgetQueue = new("tenant");
    internal static readonly GaugeReadings OutboxDepth = new("tenant");
    internal static readonly GaugeReadings OutboxOldestAge = new("tenant");

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> UnreadableMessages = Meter.CreateCounter<long>(
        "orchestrator.pushes.unreadable_messages", description: "Pushed messages that could not be read, kept raw as unreadable_message events.");

    private static readonly Counter<long> QuarantinedPushes = Meter.CreateCounter<long>(
        "orchestrator.pushes.quarantined", description: "Push bodies that named no conversation, kept raw in the tenant's quarantine.");

    private static readonly Counter<long> SignatureRefusals = Meter.CreateCounter<long>(
        "orchestrator.udesk.signature_refusals", description: "Udesk calls refused with 2059 (signature, time or nonce); retried, never dropped.");

    private static readonly Counter<long> UnconfirmedCalls = Meter.CreateCounter<long>(
        "orchestrator.udesk.unconfirmed_calls", description: "Udesk calls left unanswered that were not safe to repeat, recorded as unconfirmed.");

    private static readonly Counter<long> PermitsGranted = Meter.CreateCounter<long>(
        "orchestrator.budget.permits_granted", unit: "{permit}", description: "Permits the company call budget granted (queued requests and immediate tries).");

    private static readonly Counter<long> PermitsRefused = Meter.CreateCounter<long>(
        "orchestrator.budget.permits_refused", unit: "{permit}", description: "Immediate tries the company call budget refused (the platform request was answered 429).");

    private static readonly Histogram<double> PermitWaits = Meter.CreateHistogram<double>(
        "orchestrator.budget.permit_wait", unit: "s", description: "How long a Udesk call waited for its permit, asked again after time-outs and budget moves included.");

    static OrchestratorMetrics()
    {
        Meter.CreateObservableGauge("orchestrator.cluster.entities", Entities.Measurements, unit: "{entity}", description: "Entities running in a shard region on the node.");
        Meter.CreateObservableGauge("orchestrator.cluster.shards", Shards.Measurements, unit: "{shard}", description: "Shards of a region the node hosts.");
        Meter.CreateObservableGauge("orchestrator.cluster.singleton", Singletons.Measurements, description: "1 for each cluster singleton on the node where it runs.");
        Meter.CreateObservableGauge("orchestrator.budget.queue_depth", BudgetQueue.Measurements, unit: "{request}", description: "Requests waiting for a permit of the company call budget (on the node running it).");
        Meter.CreateObservableGauge("orchestrator.outbox.depth", OutboxDepth.Measurements, unit: "{call}", description: "Udesk calls accepted and not yet answered, cluster-wide, as the outbox sweeper reads the journal (on the node running it).");
        Meter.CreateObservableGauge("orchestrator.outbox.oldest_age", OutboxOldestAge.Measurements, unit: "s", description: "Age of the oldest Udesk call not yet answered, as the outbox sweeper reads the journal (on the node running it).");
    }

    private static readonly Counter<long> VerifyDifferences = Meter.CreateCounter<long>(
        "orchestrator.audit.verify_differences", description: "Fields where a conversation's replayed events disagree with its snapshot or live state.");

    public static void VerifyDifferencesFound(string tenant, int count) => VerifyDifferences.Add(count, Tenant(tenant));

    public static void UnreadableMessage(string tenant) => UnreadableMessages.Add(1, Tenant(tenant));

    public static void PushQuarantined(string tenant) => QuarantinedPushes.Add(1, Tenant(tenant));

    public static void SignatureRefused(string tenant) => SignatureRefusals.Add(1, Tenant(tenant));

    public static void CallUnconfirmed(string tenant) => UnconfirmedCalls.Add(1, Tenant(tenant));

    public static void PermitGranted(string tenant) => PermitsGranted.Add(1, Tenant(tenant));

    public static void PermitRefused(string tenant) => PermitsRefused.Add(1, Tenant(tenant));

    public static void PermitWaited(string tenant, TimeSpan wait) => PermitWaits.Record(wait.TotalSeconds, Tenant(tenant));

    private static KeyValuePair<string, object?> Tenant(string tenant) => new("tenant", tenant);
}
