using System.Text.Json.Nodes;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Robots;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Status;
using Orchestrator.Udesk.StructuredMessages;
using Orchestrator.Udesk.Surveys;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// Every JSON example of the spec (and of udesk-notes.md), mapped to the model the client uses for it. A fixture
/// without an entry here fails <see cref="SpecCatalogueTests"/>. Fixtures/spec/README.md explains each departure.
/// </summary>
internal static class SpecExamples
{
    private static readonly DateTimeOffset From = new(2022, 5, 19, 19, 50, 33, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset To = new(2022, 5, 19, 20, 50, 33, TimeSpan.FromHours(8));

    public static IReadOnlyList<SpecExample> All { get; } =
    [
        // Create Session
        new RequestExample<CreateSessionRequest>("sessions/create-session-request-agent-id.json", nameof(CreateSessionRequest), (c, r) => ErrorOf(c.CreateSessionAsync(r)))
        {
            Differences = new Dictionary<string, Difference> { ["$.agent_id"] = Difference.Coerced },
        },
        Session("sessions/create-session-response-robot.json"),
        new RequestExample<CreateSessionRequest>("sessions/create-session-request-urobot.json", nameof(CreateSessionRequest), (c, r) => ErrorOf(c.CreateSessionAsync(r))),
        Session("sessions/create-session-response-urobot.json"),
        new RequestExample<CreateSessionRequest>("sessions/create-session-request-agent.json", nameof(CreateSessionRequest), (c, r) => ErrorOf(c.CreateSessionAsync(r)))
        {
            Repair = Repair.Replace("The body is wrapped in a second, nameless pair of braces.", @"^\{\s*(\{[\s\S]*\})\s*\}\s*$", "$1"),
        },
        Session("sessions/create-session-response-agent.json") with
        {
            NeedsTrailingCommas = true,
            Differences = new Dictionary<string, Difference> { ["$.assign_info.survey_options"] = Difference.Dropped },
        },
        Session("sessions/create-session-response-queued.json"),
        Session("sessions/create-session-response-assignment-threshold.json") with { NeedsTrailingCommas = true },
        Session("sessions/create-session-response-no-agent-online.json") with { NeedsTrailingCommas = true },
        new SurveyOptionsExample("surveys/survey-options.json")
        {
            Repair = Repair.ReplacedBy(
                "surveys/survey-options.repaired.json",
                "Pseudo-JSON: no braces, '#' and '//' comments, unquoted keys, placeholders (show_type: String text|exp|..., id: with no value)."),
            Differences = new Dictionary<string, Difference> { ["$.shown_choices"] = Difference.Added },
        },

        // Delete Session, Send Message Preview
        new ResponseExample<UdeskResponse>("sessions/destroy-session-response.json", c => c.DestroyClosedSessionsAsync(From, To, 123123)),
        new RequestExample<JsonObject>("sessions/message-preview-request.json", "content (SendMessagePreviewAsync)", (c, body) => ErrorOf(c.SendMessagePreviewAsync(1, body["content"]!.GetValue<string>()))),
        new ResponseExample<UdeskResponse>("sessions/message-preview-response.json", c => c.SendMessagePreviewAsync(1, "Test preview")),

        // Send Message
        new RequestExample<SendMessageBody>("messages/send-message-request.json", nameof(SendMessageRequest), (c, body) => ErrorOf(c.SendMessageAsync(SpecRequestBodies.ToRequest(body)))),
        new ResponseExample<UdeskResponse>("messages/send-message-response.json", c => c.SendMessageAsync(new SendMessageRequest("t", new MessageTarget.AgentSession(11), "1", new MessageContent { Content = "hi" }))),

        // Reply Message Notification
        new PushExample("pushes/robot-reply.json"),
        new PushExample("pushes/urobot-reply-message.json", BareMessageOf: "urobot"),
        new PushExample("pushes/agent-reply.json")
        {
            Repair = Repair.Replace("A comma is missing after the close message's close_type.", "(\"close_type\": \"[^\"]*\")(\\s*\\n\\s*\"content\")", "$1,$2"),
            NeedsTrailingCommas = true,
            Differences = new Dictionary<string, Difference> { ["$.messages[3].data.survey_options"] = Difference.Dropped },
        },

        // Urobot session evaluation, session evaluation, answer evaluation, flow, hit, urobot list, transfer survey
        new RequestExample<UrobotSurveyRequest>("robots/urobot-survey-request.json", nameof(UrobotSurveyRequest), (c, r) => ErrorOf(c.SubmitUrobotSurveyAsync(r))),
        new ResponseExample<UdeskResponse>("robots/urobot-survey-response.json", c => c.SubmitUrobotSurveyAsync(new UrobotSurveyRequest("t", 101, 2, 1101, 39))),
        new RequestExample<SessionSurveyRequest>("surveys/session-survey-request.json", nameof(SessionSurveyRequest), (c, r) => ErrorOf(c.SubmitSessionSurveyAsync(r)))
        {
            Differences = new Dictionary<string, Difference> { ["$.option_id"] = Difference.Coerced },
        },
        new ResponseExample<UdeskResponse>("surveys/session-survey-response.json", c => c.SubmitSessionSurveyAsync(new SessionSurveyRequest(1001001000, 111))),
        new RequestExample<AnswerSurveyRequest>("robots/answer-survey-request.json", nameof(AnswerSurveyRequest), (c, r) => ErrorOf(c.SubmitAnswerSurveyAsync(r))),
        new ResponseExample<UdeskResponse>("robots/answer-survey-response.json", c => c.SubmitAnswerSurveyAsync(new AnswerSurveyRequest("t", 111, 11, 1, 12, 1))),
        new RequestExample<FlowRequest>("robots/flow-request.json", nameof(FlowRequest), (c, r) => ErrorOf(c.SelectFlowAsync(r)))
        {
            // The example contradicts its own parameter table (it looks copied from answer_survey); the model follows the table.
            Differences = new Dictionary<string, Difference>
            {
                ["$.messgae_id"] = Difference.Dropped,
                ["$.option_id"] = Difference.Dropped,
                ["$.flow_id"] = Difference.Added,
            },
        },
        new ResponseExample<UdeskResponse>("robots/flow-response.json", c => c.SelectFlowAsync(new FlowRequest("t", 17001700, 81, 1, 1))),
        new RequestExample<HitRequest>("robots/hit-request.json", nameof(HitRequest), (c, r) => ErrorOf(c.RecordHitAsync(r))),
        new ResponseExample<UdeskResponse>("robots/hit-response.json", c => c.RecordHitAsync(new HitRequest("t", 10, 1, 1, 1))),
        new ResponseExample<UrobotListResponse>("robots/urobot-list-response.json", c => c.GetUrobotsAsync()),
        new RequestExample<TransferSurveyRequest>("robots/transfer-survey-request.json", nameof(TransferSurveyRequest), (c, r) => ErrorOf(c.RecordTransferSurveyAsync(r)))
        {
            Differences = new Dictionary<string, Difference> { ["$.im_sub_session_id"] = Difference.Coerced },
        },
        new ResponseExample<UdeskResponse>("robots/transfer-survey-response.json", c => c.RecordTransferSurveyAsync(new TransferSurveyRequest(111, 1, 10))),

        // Status
        new ResponseExample<QueueStatus>("status/queue-status-response.json", c => c.GetQueueStatusAsync("1234121123123")),
        new ResponseExample<CustomerStatus>("status/customer-status-response.json", c => c.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken("1234121123123"))),
        new ResponseExample<AgentStatusList>("status/agent-status-response.json", c => c.GetAgentStatusAsync(37540))
        {
            Repair = Repair.Replace("'{ ... }' and '...' stand for more agents.", @",\s*\{\s*\.\.\.\s*\}|,\s*\.\.\.", ""),
            Differences = new Dictionary<string, Difference> { ["$.agents[0].display_name"] = Difference.Added },
        },
        new ResponseExample<AbandonedQueuePage>("status/abandoned-queues-response.json", c => c.GetAbandonedQueuesAsync(From, To))
        {
            Differences = new Dictionary<string, Difference> { ["$.shut_queues[0].customer_nick_name"] = Difference.Added },
        },

        // Send IM Structured Message
        new RequestExample<StructuredMessageBody>("structured-messages/send-request.json", nameof(StructuredMessageRequest), (c, body) =>
            ErrorOf(c.SendStructuredMessageAsync(new StructuredMessageRequest(1, 1, 1, body.Data) { JidResource = body.JidResource })))
        {
            Answer = """{"status":1000,"message":"Send Success"}""",
        },
        new ResponseExample<StructuredMessageResponse>("structured-messages/send-response.json", c => c.SendStructuredMessageAsync(new StructuredMessageRequest(1, 1, 1, new StructuredMessage("t", "d", "i", [])))),

        // udesk-notes.md: log-in
        new ResponseExample<LogInResponse>("auth/log-in-response.json", c => c.LogInAsync("admin@udesk.cn", "secret")),
    ];

    public static IEnumerable<InboundExample> Inbound => All.OfType<InboundExample>();

    public static TheoryData<string> Files => new(All.Select(example => example.File));

    public static SpecExample Named(string file) => All.Single(example => example.File == file);

    private static ResponseExample<CreateSessionResponse> Session(string file) =>
        new(file, c => c.CreateSessionAsync(new CreateSessionRequest("spec") { AssignType = AssignType.Agent }));

    private static async Task<UdeskError?> ErrorOf<T>(Task<UdeskResult<T>> call) => (await call).Error;
}
