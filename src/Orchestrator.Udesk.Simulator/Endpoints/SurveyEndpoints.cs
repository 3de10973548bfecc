using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>The customer rates the agent session with an option of its <c>survey_options</c>.</summary>
internal sealed class SurveyEndpoints(SimulatorWorld world)
{
    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline) =>
        pipeline.Map(routes, "POST", "im/sessions/survey", AuthScheme.OpenApi, Submit);

    private UdeskReply Submit(OpenApiRequest request)
    {
        var sessionId = request.Long("im_sub_session_id");
        var option = request.Long("option_id");
        var resolved = request.Long("resolved_state_v2");
        return Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("im_sub_session_id", sessionId), ("option_id", option))
            ?? (resolved is null or 0 or 1
                ? Replies.Feedback(world.SubmitSessionSurvey(sessionId!.Value, option!.Value))
                : UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "resolved_state_v2 must be 0 or 1."));
    }
}
