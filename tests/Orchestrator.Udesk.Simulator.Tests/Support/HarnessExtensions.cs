using System.Text.Json.Nodes;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Signing;

namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>Steps many tests share: getting a customer an agent session, reading pushes by customer.</summary>
public static class HarnessExtensions
{
    /// <summary>A session of <paramref name="customer"/> with <paramref name="agentId"/>, through the typed client.</summary>
    public static async Task<SessionAssignment.Agent> AgentSessionAsync(this SimulatorHarness sim, string customer, long agentId = 397)
    {
        var result = await sim.Client.CreateSessionAsync(new CreateSessionRequest(customer) { AgentId = agentId });
        return Assert.IsType<SessionAssignment.Agent>(result.GetValueOrThrow().Outcome);
    }

    /// <summary>A queued session request of <paramref name="customer"/> (code 2001), through the typed client.</summary>
    public static async Task<SessionAssignment.Queued> QueuedAsync(this SimulatorHarness sim, CreateSessionRequest request)
    {
        var result = (await sim.Client.CreateSessionAsync(request)).GetValueOrThrow();
        Assert.Equal(2001, result.Code);
        return Assert.IsType<SessionAssignment.Queued>(result.Outcome);
    }

    /// <summary>The query string of a structured message: its parameters, signed with the KEY by the client's code.</summary>
    public static string StructuredQuery(this SimulatorHarness sim, long sessionId, long customerId, long agentId, long? timestamp = null, string? key = null)
    {
        var time = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sign = StructuredMessageSignature.Compute(sessionId, customerId, agentId, time, key ?? sim.Options.StructuredMessageKey);
        return $"im_sub_session_id={sessionId}&customer_id={customerId}&agent_id={agentId}&timestamp={time}&sign={sign}";
    }

    /// <summary>The pushes delivered (answered 200) for <paramref name="customer"/>, in arrival order.</summary>
    public static IReadOnlyList<ReceivedPush> DeliveredTo(this PushReceiver receiver, string customer) =>
        receiver.Delivered.Where(p => p.Json["customer_token"]?.ToString() == customer).ToList();

    /// <summary>The message types of a reply push, in order.</summary>
    public static IReadOnlyList<string> Types(this ReceivedPush push) =>
        push.Json["messages"]!.AsArray().Select(m => m!["type"]!.ToString()).ToList();

    /// <summary>The <c>im_sub_session_id</c> every message of a reply push carries.</summary>
    public static IReadOnlyList<long> SessionIds(this ReceivedPush push) =>
        push.Json["messages"]!.AsArray().Select(m => m!["im_sub_session_id"]!.GetValue<long>()).ToList();

    public static JsonObject Message(this ReceivedPush push, int index) => push.Json["messages"]![index]!.AsObject();
}
