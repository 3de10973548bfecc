using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Http;

/// <summary>HTTP 200 is not success: the business code decides, and malformed answers are typed errors.</summary>
public sealed class AnswerReadingTests
{
    [Theory]
    [InlineData("""{"code":1000,"status":"In queue","count":3}""")]
    [InlineData("""{"code":"1000","status":"In queue","count":"3"}""")]
    [InlineData("""{"code":1000,"status":"In queue","count":3,"brand_new_field":{"x":[1,2]}}""")]
    public async Task Success_is_read_with_code_and_numbers_as_numbers_or_strings(string answer)
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(answer);

        var result = await harness.Client.GetQueueStatusAsync("t");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("In queue", result.Value.Status);
        Assert.Equal(3, result.Value.Count);
    }

    [Theory]
    [InlineData("""{"code":1000,"status":"In que""", "malformed JSON")]
    [InlineData("""{"status":"In queue"}""", "without a 'code'")]
    [InlineData("""{"code":"abc"}""", "non-numeric")]
    [InlineData("""[1,2,3]""", "without a 'code'")]
    [InlineData("""{"code":1000,"count":{"nested":true}}""", "malformed JSON")]
    [InlineData("""<html>502 Bad Gateway</html>""", "malformed JSON")]
    [InlineData("", "malformed JSON")]
    public async Task A_malformed_answer_is_an_invalid_response_error(string answer, string expected)
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(answer);

        var result = await harness.Client.GetQueueStatusAsync("t");

        Assert.False(result.IsSuccess);
        Assert.Equal(UdeskErrorKind.InvalidResponse, result.Error.Kind);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_2002_outside_session_requests_is_an_error_not_a_state()
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson("""{"code":2002,"message":"invalid subdomain"}""");

        var result = await harness.Client.GetAgentStatusAsync();

        Assert.Equal(UdeskErrorKind.Business, result.Error!.Kind);
        Assert.Equal(UdeskCodes.NoAgentOnline, result.Error.Code);
        Assert.Equal("invalid subdomain", result.Error.Message);
    }

    [Fact]
    public async Task Group_not_found_on_agent_status_is_a_business_error()
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson("""{"code":11012,"message":"group does not exist"}""");

        var result = await harness.Client.GetAgentStatusAsync(999);

        Assert.Equal(UdeskCodes.GroupNotFound, result.Error!.Code);
        Assert.Throws<UdeskException>(() => result.GetValueOrThrow());
    }

    [Fact]
    public async Task Structured_messages_read_their_status_field_as_the_code()
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson("""{"status":2059,"message":"sign error"}""");

        var result = await harness.Client.SendStructuredMessageAsync(new(1, 1, 1, new("t", "d", "i", [])));

        Assert.Equal(UdeskErrorKind.Business, result.Error!.Kind);
        Assert.Equal(2059, result.Error.Code);
    }

    [Theory]
    [MemberData(nameof(SessionAnswers))]
    public async Task Session_requests_read_every_outcome_as_data(string answer, Type outcome)
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(answer);

        var result = await harness.Client.CreateSessionAsync(new CreateSessionRequest("t") { AssignType = AssignType.Agent });

        Assert.True(result.IsSuccess, result.ToString());
        Assert.IsType(outcome, result.Value.Outcome);
    }

    public static TheoryData<string, Type> SessionAnswers => new()
    {
        { """{"code":1000,"assign_type":"robot","assign_info":{"robot_name":"R"}}""", typeof(SessionAssignment.Robot) },
        { """{"code":1000,"assign_type":"urobot","assign_info":{"sessionId":23702}}""", typeof(SessionAssignment.Urobot) },
        { """{"code":1000,"assign_type":"agent","assign_info":{"im_sub_session_id":1234,"count":0,"agent_id":3}}""", typeof(SessionAssignment.Agent) },
        { """{"code":2001,"assign_type":"agent","assign_info":{"count":3,"queue":"queue:company:1:agent:486"}}""", typeof(SessionAssignment.Queued) },
        { """{"code":2001,"assign_type":"agent","assign_info":{"count":0,}}""", typeof(SessionAssignment.AssignmentInProgress) },
        { """{"code":2002,"assign_type":"agent","assign_info":{"count":0,}}""", typeof(SessionAssignment.NoAgentOnline) },
        { """{"code":"2001","message":"busy","assign_type":"agent","assign_info":{"count":"2"}}""", typeof(SessionAssignment.Queued) },
    };

    [Fact]
    public async Task A_queued_answer_carries_position_and_queue_name()
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson("""{"code":2001,"message":"3rd in line","assign_type":"agent","assign_info":{"count":3,"queue":"queue:company:1:agent:486"}}""");

        var result = await harness.Client.CreateSessionAsync(new CreateSessionRequest("t") { AssignType = AssignType.Agent });

        var queued = Assert.IsType<SessionAssignment.Queued>(result.Value!.Outcome);
        Assert.Equal(3, queued.Position);
        Assert.Equal("queue:company:1:agent:486", queued.Queue);
        Assert.Equal("3rd in line", queued.Message);
    }

    [Fact]
    public async Task Other_codes_on_session_requests_stay_errors()
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson("""{"code":11012,"message":"group does not exist"}""");

        var result = await harness.Client.CreateSessionAsync(new CreateSessionRequest("t") { GroupId = 42 });

        Assert.Equal(UdeskCodes.GroupNotFound, result.Error!.Code);
    }
}
