using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.World;

// The knowledge-base robot and the urobots: answers pushed in their formats, ratings, clicks and flows.
public sealed partial class SimulatorWorld
{
    internal IReadOnlyList<UrobotOptions> Urobots => Seed.Urobots;

    internal RobotOptions Robot => Seed.Robot;

    /// <summary>The customer rated a knowledge-base answer.</summary>
    internal Refusal? RateRobotAnswer(string customerToken, string messageId, long? questionId)
    {
        lock (gate)
        {
            if (!robotAnswers.TryGetValue(messageId, out var answer) || answer.CustomerToken != customerToken)
            {
                return new Refusal(UdeskCode.RobotSessionNotFound, "No robot answer with this message_id for this customer.");
            }

            return answer.QuestionId != 0 && answer.QuestionId == questionId
                ? null
                : new Refusal(UdeskCode.MissingParameters, $"question_id must be the answer's question ({answer.QuestionId}); greetings cannot be rated.");
        }
    }

    /// <summary>
    /// Ratings, clicks and transfer statistics of a urobot session. <paramref name="logId"/>, when given, must be an
    /// answer of the session; <paramref name="customerToken"/>, when given, its customer.
    /// </summary>
    internal Refusal? RecordUrobotFeedback(long sessionId, string? customerToken, string feedback, long? logId = null)
    {
        lock (gate)
        {
            if (!urobotSessions.TryGetValue(sessionId, out var session) || (customerToken is not null && session.Customer.Token != customerToken))
            {
                return new Refusal(UdeskCode.RobotSessionNotFound, "Session not found or closed.");
            }

            if (logId is { } answer && !session.LogIds.Contains(answer))
            {
                return new Refusal(UdeskCode.SessionClosedOrMissingParameter, $"Message {answer} is not an answer of session {sessionId}.");
            }

            session.Feedback.Add(feedback);
            return null;
        }
    }

    /// <summary>The urobot's transfer statistics for a session, counted as an effect for its customer.</summary>
    internal Refusal? CountTransferSurvey(long sessionId)
    {
        lock (gate)
        {
            var refusal = RecordUrobotFeedback(sessionId, null, "transfer_survey");
            if (refusal is null)
            {
                effects.TransferSurveyCounted(urobotSessions[sessionId].Customer.Token);
            }

            return refusal;
        }
    }

    /// <summary>The customer picked a <c>data-type="2"</c> item of a flow: its step is pushed.</summary>
    internal Refusal? SelectFlow(string customerToken, long sessionId, long flowId)
    {
        lock (gate)
        {
            if (!urobotSessions.TryGetValue(sessionId, out var session) || session.Customer.Token != customerToken)
            {
                return new Refusal(UdeskCode.RobotSessionNotFound, "Session not found or closed.");
            }

            if (session.Scene.Flows.Find(f => f.Id == flowId) is not { } flow)
            {
                return new Refusal(UdeskCode.SessionClosedOrMissingParameter, $"Flow {flowId} does not exist in scene {session.Scene.Id}.");
            }

            PushUrobot(session, logId => FlowAnswer(session, logId, flow));
            return null;
        }
    }

    private SessionOutcome StartUrobot(CustomerRecord customer, long? robotId, long? sceneId)
    {
        if (robotId is null || sceneId is null)
        {
            return new SessionOutcome.Refused(new Refusal(UdeskCode.MissingParameters, "robot_id and scene_id are required when assign_type is urobot."));
        }

        var robot = Seed.Urobots.Find(u => u.Id == robotId);
        if (robot?.Scenes.Find(s => s.Id == sceneId) is not { } scene)
        {
            return new SessionOutcome.Refused(new Refusal(UdeskCode.SessionClosedOrMissingParameter, $"Urobot {robotId} has no scene {sceneId}."));
        }

        var session = new UrobotSession(++lastUrobotSessionId, customer, robot, scene);
        urobotSessions.Add(session.Id, session);
        effects.SessionCreated(customer.Token, session.Id, "urobot");
        var logId = ++lastLogId;
        session.LogIds.Add(logId);
        return new SessionOutcome.Urobot(session, logId);
    }

    private Refusal? AskRobot(CustomerMessage message)
    {
        if (!robotCustomers.Contains(message.CustomerToken))
        {
            return new Refusal(UdeskCode.RobotSessionNotFound, "Session not found or closed.");
        }

        if (message.Type != "message" || string.IsNullOrWhiteSpace(message.Text))
        {
            return new Refusal(UdeskCode.MissingParameters, "The robot takes a text message with data.content.");
        }

        var data = RobotAnswer(TextMatch.Normalize(message.Text), message.Text);
        var odd = random.QuirkHappens(settings.Quirks.OddShapesRate);
        var reply = new RobotPushMessage("message", random.NextMessageId(numeric: odd), data);
        robotAnswers[reply.MessageId] = (message.CustomerToken, data.QuestionId);
        pushes.Enqueue(message.CustomerToken, "robot", [reply.MessageId], PushBodies.Robot(message.CustomerToken, reply, odd));
        return null;
    }

    private RobotAnswerData RobotAnswer(string text, string asked)
    {
        var robot = Seed.Robot;
        if (robot.Knowledge.Find(k => TextMatch.Contains(text, k.Title) || k.Keywords.Any(w => TextMatch.HasWord(text, w))) is { } known)
        {
            return new RobotAnswerData(
                known.Id,
                known.Title,
                known.Answer,
                known.Guides.Select(q => new RobotQuestionTitle(q)).ToList(),
                known.Related.Select(q => new RobotQuestionTitle(q)).ToList(),
                known.Url is null ? null : new RobotThirdUrl(known.Url));
        }

        var answer = robot.Greetings.Any(g => TextMatch.HasWord(text, g)) ? robot.WelcomeMessage : robot.UnknownMessage;
        return new RobotAnswerData(0, asked, answer, [], [], null);
    }

    private Refusal? AskUrobot(CustomerMessage message)
    {
        if (message.RobotId is null || message.SceneId is null)
        {
            return new Refusal(UdeskCode.MissingParameters, "robot_id and scene_id are required for the urobot.");
        }

        var session = message.UrobotSessionId is { } id
            ? urobotSessions.GetValueOrDefault(id)
            : urobotSessions.Values.Where(s => s.Customer.Token == message.CustomerToken && s.Robot.Id == message.RobotId && s.Scene.Id == message.SceneId).MaxBy(s => s.Id);
        if (session is null || session.Customer.Token != message.CustomerToken)
        {
            return new Refusal(UdeskCode.RobotSessionNotFound, "Session not found or closed.");
        }

        var text = TextMatch.Normalize(message.Text);
        PushUrobot(session, logId => UrobotAnswer(session, logId, text));
        return null;
    }

    private UrobotPushMessage UrobotAnswer(UrobotSession session, long logId, string text)
    {
        var robot = session.Robot;
        var scene = session.Scene;
        if (Seed.SensitiveWordsEnabled && Seed.SensitiveWords.Any(w => TextMatch.Contains(text, w)))
        {
            return new UrobotPushMessage(session.Id, logId, 0, robot.SensitiveAnswer, UrobotAnswerType.SensitiveWords);
        }

        if (scene.Flows.Find(f => TextMatch.Contains(text, f.Trigger)) is { } flow)
        {
            return FlowAnswer(session, logId, flow);
        }

        if (scene.Questions.Find(q => TextMatch.Contains(text, q.Question)) is { } hit)
        {
            var siblings = Suggestions(scene.Questions.Where(q => q.TypeId == hit.TypeId && q.Id != hit.Id));
            return new UrobotPushMessage(session.Id, logId, hit.Id, hit.Answer, siblings.Count > 0 ? UrobotAnswerType.AnswerAndSuggestions : UrobotAnswerType.Answer)
            {
                HitQuestion = hit.Question,
                SuggestQuestionList = siblings.Count > 0 ? siblings : null,
            };
        }

        if (Seed.Robot.Greetings.Any(g => TextMatch.HasWord(text, g)))
        {
            return new UrobotPushMessage(session.Id, logId, 0, robot.HelloWord, UrobotAnswerType.Greeting);
        }

        var words = TextMatch.Words(text).ToHashSet();
        var similar = Suggestions(scene.Questions.Where(q => TextMatch.Words(TextMatch.Normalize(q.Question)).Any(words.Contains)));
        return similar.Count > 0
            ? new UrobotPushMessage(session.Id, logId, 0, "Do you want to ask:", UrobotAnswerType.Suggestions) { SuggestQuestionList = similar }
            : new UrobotPushMessage(session.Id, logId, 0, robot.UnknownAnswer, UrobotAnswerType.Unknown);
    }

    private static UrobotPushMessage FlowAnswer(UrobotSession session, long logId, FlowOptions flow) =>
        new(session.Id, logId, flow.Id, flow.Title, UrobotAnswerType.Answer)
        {
            FlowId = flow.Id,
            FlowTitle = flow.Title,
            FlowContent = flow.Content,
        };

    private static List<UrobotSuggestion> Suggestions(IEnumerable<UrobotQuestionOptions> questions) =>
        questions.Select(q => new UrobotSuggestion(q.Id, q.Question, 1)).ToList();

    private void PushUrobot(UrobotSession session, Func<long, UrobotPushMessage> answer)
    {
        var logId = ++lastLogId;
        session.LogIds.Add(logId);
        var message = answer(logId);
        var odd = random.QuirkHappens(settings.Quirks.OddShapesRate);
        pushes.Enqueue(session.Customer.Token, "urobot", [logId.ToString(System.Globalization.CultureInfo.InvariantCulture)], PushBodies.Urobot(session.Customer.Token, message, odd));
    }
}
