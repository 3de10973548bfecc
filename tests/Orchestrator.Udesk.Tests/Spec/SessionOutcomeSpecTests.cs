using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>Each create-session answer of the spec reads as the outcome the spec describes for it.</summary>
public sealed class SessionOutcomeSpecTests
{
    public static TheoryData<string, Type> Outcomes => new()
    {
        { "sessions/create-session-response-robot.json", typeof(SessionAssignment.Robot) },
        { "sessions/create-session-response-urobot.json", typeof(SessionAssignment.Urobot) },
        { "sessions/create-session-response-agent.json", typeof(SessionAssignment.Agent) },
        { "sessions/create-session-response-queued.json", typeof(SessionAssignment.Queued) },
        { "sessions/create-session-response-assignment-threshold.json", typeof(SessionAssignment.AssignmentInProgress) },
        { "sessions/create-session-response-no-agent-online.json", typeof(SessionAssignment.NoAgentOnline) },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task A_spec_session_answer_has_its_outcome(string file, Type outcome)
    {
        var value = await Read(file);

        Assert.IsType(outcome, value.Outcome);
        Assert.Equal(SpecFixtures.ParseAsClient(SpecFixtures.Read(file))["message"]!.GetValue<string>(), value.Outcome.Message);
    }

    [Fact]
    public async Task The_spec_answers_carry_the_ids_a_conversation_needs()
    {
        var urobot = Assert.IsType<SessionAssignment.Urobot>((await Read("sessions/create-session-response-urobot.json")).Outcome);
        var agent = Assert.IsType<SessionAssignment.Agent>((await Read("sessions/create-session-response-agent.json")).Outcome);
        var queued = Assert.IsType<SessionAssignment.Queued>((await Read("sessions/create-session-response-queued.json")).Outcome);

        Assert.Equal(23702, urobot.UrobotSessionId);
        Assert.Equal("Question 1", urobot.Info.TopAsk![0].Options![0].Question);
        Assert.Equal((1234L, 3L, "Tom"), (agent.ImSubSessionId, agent.AgentId!.Value, agent.AgentName));
        Assert.Null(agent.Info.SurveyOptions);
        Assert.Equal((3, "queue:company:1:agent:486"), (queued.Position, queued.Queue));
    }

    private static async Task<CreateSessionResponse> Read(string file)
    {
        var example = (ResponseExample<CreateSessionResponse>)SpecExamples.Named(file);
        using var harness = new Support.ClientHarness();
        harness.Udesk.ThenJson(example.Parseable);

        var result = await example.Call(harness.Client);

        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }
}
