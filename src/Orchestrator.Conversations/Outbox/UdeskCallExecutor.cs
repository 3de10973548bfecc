using System.Text.Json;
using Orchestrator.Conversations.Domain;
using Orchestrator.Udesk;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// Makes an outbox call through the Udesk client and sorts the result: a business refusal or an invalid request is
/// a final outcome; transport trouble, rate limits, malformed answers and 2059 (signature, time or nonce: our clock
/// or Udesk's, never the call itself) are failures worth another attempt, signed afresh.
/// </summary>
public static class UdeskCallExecutor
{
    public static async Task<CallAttempt> ExecuteAsync(IUdeskClient udesk, ConversationId conversation, OutboundCall call, CancellationToken cancellationToken)
    {
        var token = conversation.CustomerToken;
        return call switch
        {
            OutboundCall.CreateSession c => Sort(await udesk.CreateSessionAsync(ToUdesk(token, c.Request), cancellationToken).ConfigureAwait(false), ToAnswer),
            OutboundCall.SendMessage m => Sort(await udesk.SendMessageAsync(ToUdesk(token, m), cancellationToken).ConfigureAwait(false)),
            OutboundCall.CloseSession c => Sort(await udesk.CloseSessionAsync(c.ImSubSessionId.Value, cancellationToken).ConfigureAwait(false)),
            OutboundCall.AbandonQueue a => Sort(await udesk.AbandonQueueAsync(token, a.Queue, cancellationToken).ConfigureAwait(false)),
            OutboundCall.TransferSurvey t => Sort(await udesk.RecordTransferSurveyAsync(new(t.ImSubSessionId, t.RobotId, t.SceneId), cancellationToken).ConfigureAwait(false)),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call.GetType().Name, "Unknown outbox call."),
        };
    }

    private static CallAttempt Sort<T>(UdeskResult<T> result, Func<T, CallOutcome>? answer = null) =>
        result.IsSuccess
            ? new CallAttempt.Answered(answer?.Invoke(result.Value) ?? new CallOutcome.Done())
            : result.Error.Kind is UdeskErrorKind.Business or UdeskErrorKind.InvalidRequest && result.Error.Code != UdeskCodes.InvalidSignature
                ? new CallAttempt.Answered(new CallOutcome.Refused(result.Error.Code, result.Error.Message))
                : new CallAttempt.Failed(result.Error);

    private static CreateSessionRequest ToUdesk(string token, SessionRequest request) => new(token)
    {
        AssignType = request.AssignType,
        AgentId = request.AgentId,
        GroupId = request.GroupId,
        Channel = request.Channel,
        RobotRoleId = request.RobotRoleId,
        RobotId = request.RobotId,
        SceneId = request.SceneId,
    };

    private static SendMessageRequest ToUdesk(string token, OutboundCall.SendMessage message)
    {
        MessageTarget target = message.ImSubSessionId switch
        {
            0 => new MessageTarget.Robot(),
            -1 => new MessageTarget.Urobot(message.RobotId ?? 0, message.SceneId ?? 0, message.UrobotSessionId),
            OutboundCall.SendMessage.Workbench => new MessageTarget.Workbench(message.AgentId, message.GroupId),
            -3 => new MessageTarget.Queued(),
            var session => new MessageTarget.AgentSession(session),
        };
        var data = new MessageContent
        {
            Content = message.Data.Content,
            Font = message.Data.Font,
            Filename = message.Data.Filename,
            Filesize = message.Data.Filesize,
            Duration = message.Data.Duration,
        };
        return new SendMessageRequest(token, target, message.MessageId, data) { Type = message.Type };
    }

    /// <summary>A part of Udesk's answer in Udesk's own form, unknown fields included, for the platform to read.</summary>
    private static JsonElement AsSent<T>(T value) => JsonSerializer.SerializeToElement(value, Udesk.Json.UdeskJson.Options);

    private static CallOutcome ToAnswer(CreateSessionResponse response)
    {
        var info = response.AssignInfo;
        SessionAnswer answer = response.Outcome switch
        {
            SessionAssignment.Robot robot => new(SessionAnswerKind.Robot) { Welcome = robot.Info.WelcomeMessage, Greeting = AsSent(robot.Info) },
            SessionAssignment.Urobot urobot => new(SessionAnswerKind.Urobot)
            {
                UrobotSessionId = urobot.UrobotSessionId, Welcome = urobot.Info.HelloWord ?? urobot.Info.LeadingWord, Greeting = AsSent(urobot.Info),
            },
            SessionAssignment.Agent agent => new(SessionAnswerKind.Agent)
            {
                ImSubSessionId = agent.ImSubSessionId is { } session ? new SessionId(session) : null,
                Agent = new AgentInfo(agent.AgentId, agent.AgentName, agent.AgentAvatar),
                SurveyOptions = info?.SurveyOptions is { } survey ? AsSent(survey) : null,
            },
            SessionAssignment.Queued queued => new(SessionAnswerKind.Queued) { QueueName = queued.Queue, Position = queued.Position },
            SessionAssignment.AssignmentInProgress => new(SessionAnswerKind.AssignmentInProgress),
            _ => new(SessionAnswerKind.NoAgentOnline),
        };
        return new CallOutcome.SessionAnswered(answer with { Message = response.Message });
    }
}
