using Orchestrator.Conversations.Domain;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>
/// The urobot session a conversation had: Udesk's urobot interfaces take its <c>sessionId</c> as
/// <c>im_sub_session_id</c>, with the robot and scene it was started with. Kept after an escalation to an agent.
/// </summary>
internal sealed record UrobotContext(long SessionId, long RobotId, long SceneId)
{
    public static UrobotContext? Of(ConversationState state) =>
        state is { UrobotSessionId: { } session, RobotId: { } robot, SceneId: { } scene } ? new(session, robot, scene) : null;

    /// <summary>Runs <paramref name="then"/> with the urobot session, or answers 409 when the conversation has none.</summary>
    public static Task<IResult> Require(ConversationState state, Func<UrobotContext, Task<IResult>> then) =>
        Of(state) is { } urobot
            ? then(urobot)
            : ConversationRoute.Conflict("The conversation has no urobot session (request one with assign_type urobot first).");
}
