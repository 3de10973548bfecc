using System.Diagnostics.Metrics;

namespace Orchestrator.Conversations.Telemetry;

/// <summary>
/// The service's own counters (exported on <c>/metrics</c>): what Udesk sent or answered that needed attention.
/// Tagged by tenant so one misbehaving company stands out.
/// </summary>
public static class OrchestratorMetrics
{
    public const string MeterName = "Orchestrator";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> UnreadableMessages = Meter.CreateCounter<long>(
        "orchestrator.pushes.unreadable_messages", description: "Pushed messages that could not be read, kept raw as unreadable_message events.");

    private static readonly Counter<long> QuarantinedPushes = Meter.CreateCounter<long>(
        "orchestrator.pushes.quarantined", description: "Push bodies that named no conversation, kept raw in the tenant's quarantine.");

    private static readonly Counter<long> SignatureRefusals = Meter.CreateCounter<long>(
        "orchestrator.udesk.signature_refusals", description: "Udesk calls refused with 2059 (signature, time or nonce); retried, never dropped.");

    private static readonly Counter<long> UnconfirmedCalls = Meter.CreateCounter<long>(
        "orchestrator.udesk.unconfirmed_calls", description: "Udesk calls left unanswered that were not safe to repeat, recorded as unconfirmed.");

    private static readonly Counter<long> VerifyDifferences = Meter.CreateCounter<long>(
        "orchestrator.audit.verify_differences", description: "Fields where a conversation's replayed events disagree with its snapshot or live state.");

    public static void VerifyDifferencesFound(string tenant, int count) => VerifyDifferences.Add(count, Tenant(tenant));

    public static void UnreadableMessage(string tenant) => UnreadableMessages.Add(1, Tenant(tenant));

    public static void PushQuarantined(string tenant) => QuarantinedPushes.Add(1, Tenant(tenant));

    public static void SignatureRefused(string tenant) => SignatureRefusals.Add(1, Tenant(tenant));

    public static void CallUnconfirmed(string tenant) => UnconfirmedCalls.Add(1, Tenant(tenant));

    private static KeyValuePair<string, object?> Tenant(string tenant) => new("tenant", tenant);
}
