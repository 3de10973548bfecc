namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// A spec example with one field replaced by a value of the wrong type (or out of range for it). Most are a typed
/// error; <see cref="ReadsLeniently"/> marks the shapes the client is meant to accept (see UdeskJson and UdeskPushParser).
/// </summary>
internal sealed record WrongTypeCase(string Name, string File, string Path, string Value, bool ReadsLeniently = false)
{
    private const string Robot = "sessions/create-session-response-robot.json";
    private const string Agent = "sessions/create-session-response-agent.json";
    private const string Urobots = "robots/urobot-list-response.json";
    private const string AgentStatus = "status/agent-status-response.json";
    private const string Abandoned = "status/abandoned-queues-response.json";
    private const string Survey = "surveys/survey-options.json";
    private const string AgentPush = "pushes/agent-reply.json";
    private const string RobotPush = "pushes/robot-reply.json";
    private const string UrobotPush = "pushes/urobot-reply-message.json";

    public static IReadOnlyList<WrongTypeCase> All { get; } =
    [
        new("code as object", Robot, "$.code", """{"value":1000}"""),
        new("code as array", "status/queue-status-response.json", "$.code", "[1000]"),
        new("structured status as words", "structured-messages/send-response.json", "$.status", "\"ok\""),
        new("assign_info as text", Robot, "$.assign_info", "\"robot\""),
        new("im_sub_session_id as array", Agent, "$.assign_info.im_sub_session_id", "[1234]"),
        new("im_sub_session_id as a fraction", Agent, "$.assign_info.im_sub_session_id", "1234.5", ReadsLeniently: true),
        new("im_sub_session_id beyond a long", Agent, "$.assign_info.im_sub_session_id", "1e30", ReadsLeniently: true),
        new("queue position as object", "sessions/create-session-response-queued.json", "$.assign_info.count", """{"n":3}"""),
        new("urobot topAsk as object", "sessions/create-session-response-urobot.json", "$.assign_info.topAsk", "{}"),
        new("urobot_list as text", Urobots, "$.urobot_list", "\"none\""),
        new("scene id as words", Urobots, "$.urobot_list[0].scene_list[0].id", "\"one hundred\""),
        new("agents as object", AgentStatus, "$.agents", """{"id":1}"""),
        new("agent id as boolean", AgentStatus, "$.agents[0].id", "true"),
        new("meta as array", Abandoned, "$.meta", "[1]"),
        new("queue_start_time as object", Abandoned, "$.shut_queues[0].queue_start_time", """{"t":1}"""),
        new("queue_seconds as words", Abandoned, "$.shut_queues[0].queue_seconds", "\"27 seconds\""),
        new("open_api_auth_token as object", "auth/log-in-response.json", "$.open_api_auth_token", "{}", ReadsLeniently: true),
        new("survey flag as words", Survey, "$.enabled", "\"maybe\""),
        new("survey flag as a fraction", Survey, "$.remark_enabled", "0.5"),
        new("survey option id as words", Survey, "$.options[0].id", "\"thirty-six\"", ReadsLeniently: true),
        new("resolved_options as array", Survey, "$.resolved_options", "[]"),
        new("push customer_token as object", AgentPush, "$.customer_token", """{"id":"axb"}"""),
        new("push customer_token as array", RobotPush, "$.customer_token", """["axb"]"""),
        new("push assign_type as number", RobotPush, "$.assign_type", "1", ReadsLeniently: true),
        new("push messages as text", RobotPush, "$.messages", "\"hello\""),
        new("push data as text", AgentPush, "$.messages[0].data", "\"Dialogue started\"", ReadsLeniently: true),
        new("push im_sub_session_id as array", AgentPush, "$.messages[0].im_sub_session_id", "[3]"),
        new("push im_sub_session_id beyond a long", AgentPush, "$.messages[1].im_sub_session_id", "1e30", ReadsLeniently: true),
        new("push agent_id as a fraction", AgentPush, "$.messages[2].agent_id", "1.5", ReadsLeniently: true),
        new("push message_created_at as boolean", AgentPush, "$.messages[0].message_created_at", "true"),
        new("robot gus_list as number", RobotPush, "$.messages[0].data.gus_list", "7"),
        new("robot question_id as object", RobotPush, "$.messages[0].data.question_id", "{}"),
        new("urobot ansType as object", UrobotPush, "$.ansType", "{}"),
        new("urobot logId as a fraction", UrobotPush, "$.logId", "3574331.5", ReadsLeniently: true),
        new("urobot suggestQuestionList as text", UrobotPush, "$.suggestQuestionList", "\"none\""),
    ];

    public override string ToString() => Name;
}
