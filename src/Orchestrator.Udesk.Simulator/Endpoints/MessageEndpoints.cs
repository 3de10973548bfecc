using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>Customer messages, unread bookkeeping, online state, sensitive words.</summary>
internal sealed partial class MessageEndpoints(SimulatorWorld world, IOptions<SimulatorOptions> options)
{
    private const int MaxAgentsPerCall = 30;

    private static readonly HashSet<string> SendableTypes = ["message", "image", "audio", "video", "file", "rich"];

    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline)
    {
        pipeline.Map(routes, "POST", "im/messages", AuthScheme.OpenApi, Send);
        pipeline.Map(routes, "GET", "im/messages/unread_customer_offline", AuthScheme.OpenApi, UnreadWhileOffline);
        pipeline.Map(routes, "POST", "im/customer_online_state", AuthScheme.OpenApi, OnlineState);
        pipeline.Map(routes, "POST", "im/messages/read_messages", AuthScheme.OpenApi, ReadMessages);
        pipeline.Map(routes, "GET", "im/im_sensitive_words", AuthScheme.OpenApi, SensitiveWords);
        pipeline.Map(routes, "GET", "im/messages/agent_unread_messages", AuthScheme.OpenApi, AgentUnread);
    }

    private UdeskReply Send(OpenApiRequest request)
    {
        var token = request.String("customer_token");
        var target = request.String("im_sub_session_id");
        var sessionId = OpenApiRequest.ParseLong(target);
        var toRobot = sessionId is null or 0 or -1;
        var messageId = request.String("message_id") is { Length: > 0 } id ? id : null;
        var type = request.String("type") ?? "message";
        var data = request.Object("data");
        var missingCode = toRobot ? UdeskCode.MissingParameters : UdeskCode.SessionClosedOrMissingParameter;
        List<(string, object?)> required = [("customer_token", token), ("data", data)];
        if (sessionId != -1)
        {
            // The urobot is the one target that does without a message id.
            required.Add(("message_id", messageId));
        }

        if (Replies.Missing(missingCode, [.. required]) is { } missing)
        {
            return missing;
        }

        if (!string.IsNullOrEmpty(target) && sessionId is null)
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "im_sub_session_id must be a number.");
        }

        if (messageId is not null && !MessageIdPattern().IsMatch(messageId))
        {
            return UdeskReply.Error(missingCode, "message_id may contain only letters, digits, '_' and '-'.");
        }

        if (!SendableTypes.Contains(type))
        {
            return UdeskReply.Error(missingCode, $"type '{type}' cannot be sent.");
        }

        return Replies.From(world.ReceiveCustomerMessage(new CustomerMessage(
            token!,
            sessionId,
            messageId,
            type,
            data!,
            request.Long("robot_id"),
            request.Long("scene_id"),
            request.Long("urobot_session_id"),
            request.Long("agent_id"))));
    }

    private UdeskReply UnreadWhileOffline(OpenApiRequest request)
    {
        var sessionId = request.Long("im_sub_session_id");
        var customerId = request.Long("customer_id");
        if (Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("im_sub_session_id", sessionId), ("customer_id", customerId)) is { } missing)
        {
            return missing;
        }

        var (refusal, messages) = world.UnreadWhileOffline(sessionId!.Value, customerId!.Value);
        return Replies.From(refusal, ("count", messages.Count), ("unread_messages", JsonSerializer.SerializeToNode(messages, SimulatorJson.Wire)));
    }

    private UdeskReply OnlineState(OpenApiRequest request)
    {
        var token = request.String("customer_token");
        var state = request.Long("state");
        return Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("customer_token", token), ("state", state))
            ?? (state is 0 or 1
                ? Replies.From(world.SetCustomerOnline(token!, state == 1))
                : UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "state must be 0 (offline) or 1 (online)."));
    }

    /// <summary>The spec's example puts the ids on the query string as <c>['123','123456']</c>; the body form is an array.</summary>
    private UdeskReply ReadMessages(OpenApiRequest request)
    {
        var sessionId = request.Long("session_id");
        var ids = request.Node("message_ids") is JsonArray array
            ? array.Select(id => id?.ToString()).OfType<string>().ToList()
            : (request.Query("message_ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => id.Trim('[', ']', '\'', '"', ' ')).Where(id => id.Length > 0).ToList();
        return Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("session_id", sessionId), ("message_ids", ids.Count == 0 ? null : ids))
            ?? Replies.From(world.MarkAgentMessagesRead(sessionId!.Value, ids));
    }

    private UdeskReply SensitiveWords(OpenApiRequest request) => UdeskReply.Success(
        ("customer_words_string", string.Join(',', options.Value.World.SensitiveWords)),
        ("customer_is_open", options.Value.World.SensitiveWordsEnabled ? 1 : 0));

    /// <summary>Ids as <c>agent_ids[]=13&amp;agent_ids[]=14</c> (the spec's form) or <c>agent_ids=13,14</c>.</summary>
    private UdeskReply AgentUnread(OpenApiRequest request)
    {
        var texts = request.QueryValues("agent_ids[]").Concat(request.QueryValues("agent_ids")).SelectMany(v => v.Split(','));
        var ids = texts.Select(OpenApiRequest.ParseLong).ToList();
        if (ids.Count is 0 or > MaxAgentsPerCall || ids.Any(id => id is null))
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, $"agent_ids must name 1 to {MaxAgentsPerCall} agents by number.");
        }

        var results = new JsonArray();
        foreach (var (agentId, unread, leaveMessages) in world.AgentUnread(ids.Select(id => id!.Value)))
        {
            results.Add(new JsonObject { ["agent_id"] = agentId, ["unread_session_message_num"] = unread, ["unsolved_leave_message_num"] = leaveMessages });
        }

        return UdeskReply.Success(("results", results));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex MessageIdPattern();
}
