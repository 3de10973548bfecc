using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Surveys;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// <c>survey_options</c> has no endpoint of its own: it arrives in an agent session answer (and a <c>close</c> push),
/// so the client reads it there, inside <c>assign_info</c>.
/// </summary>
public sealed record SurveyOptionsExample(string File) : InboundExample(File, $"{nameof(CreateSessionResponse)} > {nameof(AssignInfo)}.{nameof(AssignInfo.SurveyOptions)}")
{
    public override async Task<UdeskError?> ReadAsync(string text) => (await AnswerAsync(text)).Error;

    public override async Task<JsonNode?> RoundTripAsync(string json)
    {
        var result = await AnswerAsync(json);
        Assert.True(result.IsSuccess, result.ToString());
        return JsonSerializer.SerializeToNode(result.Value.AssignInfo?.SurveyOptions, UdeskJson.Options);
    }

    public static string InAgentAnswer(string survey) =>
        $$$"""{"code":1000,"message":"Request successful","assign_type":"agent","assign_info":{"im_sub_session_id":1234,"count":0,"survey_options":{{{survey}}}}}""";

    private static async Task<UdeskResult<CreateSessionResponse>> AnswerAsync(string survey)
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(InAgentAnswer(survey));
        return await harness.Client.CreateSessionAsync(new CreateSessionRequest("spec") { AssignType = AssignType.Agent });
    }
}
