using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Status;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Http;

/// <summary>Requests Udesk would refuse are refused here, naming the field, without a call.</summary>
public sealed class RequestValidationTests
{
    public static TheoryData<string, string> Refusals => new()
    {
        { "blank customer token", "customer_token" },
        { "urobot without robot", "robot_id and scene_id" },
        { "message id with spaces", "message_id may contain only" },
        { "unsendable type", "type 'close' cannot be sent" },
        { "robot image", "only type 'message'" },
        { "no agents", "agent_ids" },
        { "31 agents", "agent_ids" },
        { "per page 101", "per_page" },
        { "page 0", "page" },
        { "reversed window", "start_time" },
        { "no customer status key", "customer_token, web_token or sdk_token" },
        { "bad resolved state", "resolved_state_v2" },
        { "no read ids", "message_ids" },
        { "blank queue", "queue" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Invalid_requests_are_refused_before_sending(string @case, string named)
    {
        using var harness = new ClientHarness();
        var client = harness.Client;
        var now = DateTimeOffset.UtcNow;

        object result = @case switch
        {
            "blank customer token" => await client.CreateSessionAsync(new CreateSessionRequest(" ")),
            "urobot without robot" => await client.CreateSessionAsync(new CreateSessionRequest("t") { AssignType = AssignType.Urobot }),
            "message id with spaces" => await client.SendMessageAsync(new SendMessageRequest("t", new MessageTarget.AgentSession(1), "a b", new MessageContent { Content = "x" })),
            "unsendable type" => await client.SendMessageAsync(new SendMessageRequest("t", new MessageTarget.AgentSession(1), "m", new MessageContent()) { Type = MessageType.Close }),
            "robot image" => await client.SendMessageAsync(new SendMessageRequest("t", new MessageTarget.Robot(), "m", new MessageContent()) { Type = MessageType.Image }),
            "no agents" => await client.GetAgentUnreadMessagesAsync([]),
            "31 agents" => await client.GetAgentUnreadMessagesAsync(Enumerable.Range(1, 31).Select(i => (long)i).ToList()),
            "per page 101" => await client.GetAbandonedQueuesAsync(now, now, 1, 101),
            "page 0" => await client.GetAbandonedQueuesAsync(now, now, 0),
            "reversed window" => await client.DestroyClosedSessionsAsync(now, now.AddDays(-1)),
            "no customer status key" => await client.GetCustomerStatusAsync(new CustomerStatusQuery()),
            "bad resolved state" => await client.SubmitSessionSurveyAsync(new(1, 1) { ResolvedStateV2 = 2 }),
            "no read ids" => await client.MarkAgentMessagesReadAsync(1, []),
            "blank queue" => await client.AbandonQueueAsync("t", ""),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var error = (UdeskError)result.GetType().GetProperty(nameof(UdeskResult<object>.Error))!.GetValue(result)!;
        Assert.Equal(UdeskErrorKind.InvalidRequest, error.Kind);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Udesk.Requests);
    }

    [Fact]
    public async Task A_urobot_message_may_omit_its_message_id()
    {
        using var harness = new ClientHarness();

        var result = await harness.Client.SendMessageAsync(new SendMessageRequest("t", new MessageTarget.Urobot(1, 2, null), "", new MessageContent { Content = "hi" }));

        Assert.True(result.IsSuccess, result.ToString());
    }

    [Fact]
    public async Task Structured_messages_need_a_configured_key()
    {
        using var harness = new ClientHarness(o => o.StructuredMessageKey = "");

        var result = await harness.Client.SendStructuredMessageAsync(new(1, 1, 1, new("t", "d", "i", [])));

        Assert.Equal(UdeskErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Empty(harness.Udesk.Requests);
    }
}
