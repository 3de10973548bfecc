using System.Globalization;
using System.Text.RegularExpressions;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Customers;
using Orchestrator.Udesk.Http;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Robots;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Status;
using Orchestrator.Udesk.StructuredMessages;
using Orchestrator.Udesk.Surveys;

namespace Orchestrator.Udesk;

/// <summary>
/// The typed Udesk IM Open API client. Paths are relative to <see cref="UdeskOptions.BaseUrl"/>
/// (<c>https://{subdomain}.udesk.cn/open_api_v1/</c>); signing and resilience live in the HttpClient's pipeline.
/// </summary>
public sealed partial class UdeskClient(HttpClient http, UdeskOptions options) : IUdeskClient
{
    private static readonly IReadOnlySet<int> SessionOutcomeCodes = new HashSet<int> { UdeskCodes.Queued, UdeskCodes.NoAgentOnline };

    private readonly UdeskTransport transport = new(http);

    // Sessions

    public Task<UdeskResult<CreateSessionResponse>> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default) =>
        Invalid<CreateSessionResponse>(
            Blank(request.CustomerToken, "customer_token")
            ?? (request.AssignType == AssignType.Urobot && (request.RobotId is null || request.SceneId is null) && request.AgentId is null && request.GroupId is null
                ? "robot_id and scene_id are required when assign_type is urobot."
                : null))
        ?? Send<CreateSessionResponse>(new UdeskCall(HttpMethod.Post, "im/sessions") { Body = request, DataCodes = SessionOutcomeCodes }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> CloseSessionAsync(long sessionId, CancellationToken cancellationToken = default) =>
        Send<UdeskResponse>(new UdeskCall(HttpMethod.Delete, $"im/sessions/{Number(sessionId)}") { Query = [new("session_id", Number(sessionId))] }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> DestroyClosedSessionsAsync(DateTimeOffset from, DateTimeOffset to, long? customerId = null, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(from > to ? "start_time must not be after end_time." : null)
        ?? Send<UdeskResponse>(
            new UdeskCall(HttpMethod.Delete, "im/sessions/destroy_session")
            {
                Query = Parameters(("start_time", UdeskTimestamp.From(from).Raw), ("end_time", UdeskTimestamp.From(to).Raw), ("customer_id", Number(customerId))),
            },
            cancellationToken);

    public Task<UdeskResult<UdeskResponse>> AbandonQueueAsync(string customerToken, string queue, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(Blank(customerToken, "customer_token") ?? Blank(queue, "queue"))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Delete, "im/sessions/close_queue") { Query = Parameters(("customer_token", customerToken), ("queue", queue)) }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> SendMessagePreviewAsync(long sessionId, string content, CancellationToken cancellationToken = default) =>
        Send<UdeskResponse>(new UdeskCall(HttpMethod.Put, $"im/sessions/{Number(sessionId)}/message_preview") { Body = new PreviewBody(content ?? "") }, cancellationToken);

    // Messages

    public Task<UdeskResult<UdeskResponse>> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(ValidateMessage(request))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/messages") { Body = SendMessageBody.From(request) }, cancellationToken);

    public Task<UdeskResult<UnreadOfflineMessages>> GetUnreadOfflineMessagesAsync(long imSubSessionId, long customerId, long? appId = null, CancellationToken cancellationToken = default) =>
        Send<UnreadOfflineMessages>(
            new UdeskCall(HttpMethod.Get, "im/messages/unread_customer_offline")
            {
                Query = Parameters(("im_sub_session_id", Number(imSubSessionId)), ("customer_id", Number(customerId)), ("app_id", Number(appId))),
            },
            cancellationToken);

    public Task<UdeskResult<UdeskResponse>> SetCustomerOnlineStateAsync(string customerToken, bool online, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(Blank(customerToken, "customer_token"))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/customer_online_state") { Body = new OnlineStateBody(customerToken, online ? 1 : 0) }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> MarkAgentMessagesReadAsync(long sessionId, IReadOnlyList<string> messageIds, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(messageIds is null || messageIds.Count == 0 ? "message_ids must name at least one message." : null)
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/messages/read_messages") { Body = new ReadMessagesBody(sessionId, messageIds!) }, cancellationToken);

    public Task<UdeskResult<SensitiveWords>> GetSensitiveWordsAsync(CancellationToken cancellationToken = default) =>
        Send<SensitiveWords>(new UdeskCall(HttpMethod.Get, "im/im_sensitive_words"), cancellationToken);

    public Task<UdeskResult<AgentUnreadMessages>> GetAgentUnreadMessagesAsync(IReadOnlyList<long> agentIds, CancellationToken cancellationToken = default) =>
        Invalid<AgentUnreadMessages>(
            agentIds is null || agentIds.Count is 0 or > AgentUnreadMessages.MaxAgentsPerCall
                ? $"agent_ids must name 1 to {AgentUnreadMessages.MaxAgentsPerCall} agents."
                : null)
        ?? Send<AgentUnreadMessages>(
            new UdeskCall(HttpMethod.Get, "im/messages/agent_unread_messages") { Query = agentIds!.Select(id => new KeyValuePair<string, string>("agent_ids[]", Number(id))).ToList() },
            cancellationToken);

    // Robots and urobots

    public Task<UdeskResult<UdeskResponse>> RateRobotAnswerAsync(RobotUsefulnessRequest request, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(Blank(request.CustomerToken, "customer_token") ?? Blank(request.MessageId, "message_id"))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, options.RobotUsefulnessPath.TrimStart('/')) { Body = request }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> SubmitUrobotSurveyAsync(UrobotSurveyRequest request, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(Blank(request.CustomerToken, "customer_token"))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/sessions/robot_survey") { Body = request }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> SubmitAnswerSurveyAsync(AnswerSurveyRequest request, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(Blank(request.CustomerToken, "customer_token"))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/messages/answer_survey") { Body = request }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> SelectFlowAsync(FlowRequest request, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(Blank(request.CustomerToken, "customer_token"))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/messages/flow") { Body = request }, cancellationToken);

    public Task<UdeskResult<UdeskResponse>> RecordHitAsync(HitRequest request, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(Blank(request.CustomerToken, "customer_token"))
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/messages/hit") { Body = request }, cancellationToken);

    public Task<UdeskResult<UrobotListResponse>> GetUrobotsAsync(CancellationToken cancellationToken = default) =>
        Send<UrobotListResponse>(new UdeskCall(HttpMethod.Get, "im/urobots"), cancellationToken);

    public Task<UdeskResult<UdeskResponse>> RecordTransferSurveyAsync(TransferSurveyRequest request, CancellationToken cancellationToken = default) =>
        Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/sessions/transfer_survey") { Body = request }, cancellationToken);

    // Surveys

    public Task<UdeskResult<UdeskResponse>> SubmitSessionSurveyAsync(SessionSurveyRequest request, CancellationToken cancellationToken = default) =>
        Invalid<UdeskResponse>(request.ResolvedStateV2 is null or 0 or 1 ? null : "resolved_state_v2 must be 0 (resolved) or 1 (unresolved).")
        ?? Send<UdeskResponse>(new UdeskCall(HttpMethod.Post, "im/sessions/survey") { Body = request }, cancellationToken);

    // Status

    public Task<UdeskResult<QueueStatus>> GetQueueStatusAsync(string customerToken, CancellationToken cancellationToken = default) =>
        Invalid<QueueStatus>(Blank(customerToken, "customer_token"))
        ?? Send<QueueStatus>(new UdeskCall(HttpMethod.Get, "im/queue_status") { Query = Parameters(("customer_token", customerToken)) }, cancellationToken);

    public Task<UdeskResult<CustomerStatus>> GetCustomerStatusAsync(CustomerStatusQuery query, CancellationToken cancellationToken = default) =>
        Invalid<CustomerStatus>(
            string.IsNullOrWhiteSpace(query.CustomerToken) && string.IsNullOrWhiteSpace(query.WebToken) && string.IsNullOrWhiteSpace(query.SdkToken)
                ? "One of customer_token, web_token or sdk_token is required."
                : null)
        ?? Send<CustomerStatus>(
            new UdeskCall(HttpMethod.Get, "im/customer_status")
            {
                Query = Parameters(("customer_token", query.CustomerToken), ("web_token", query.WebToken), ("sdk_token", query.SdkToken), ("session_key", query.SessionKey)),
            },
            cancellationToken);

    public Task<UdeskResult<AgentStatusList>> GetAgentStatusAsync(long? groupId = null, CancellationToken cancellationToken = default) =>
        Send<AgentStatusList>(new UdeskCall(HttpMethod.Get, "im/agent_status") { Query = Parameters(("group_id", Number(groupId))) }, cancellationToken);

    public Task<UdeskResult<AbandonedQueuePage>> GetAbandonedQueuesAsync(DateTimeOffset from, DateTimeOffset to, int page = 1, int perPage = 30, CancellationToken cancellationToken = default) =>
        Invalid<AbandonedQueuePage>(
            from > to ? "start_time must not be after end_time."
            : page < 1 ? "page starts at 1."
            : perPage is < 1 or > AbandonedQueuePage.MaxPerPage ? $"per_page must be 1 to {AbandonedQueuePage.MaxPerPage}."
            : null)
        ?? Send<AbandonedQueuePage>(
            new UdeskCall(HttpMethod.Get, "im/im_queues")
            {
                Query = Parameters(
                    ("start_time", UdeskTimestamp.From(from).Raw),
                    ("end_time", UdeskTimestamp.From(to).Raw),
                    ("page", Number(page)),
                    ("per_page", Number(perPage))),
            },
            cancellationToken);

    // Structured messages

    public Task<UdeskResult<StructuredMessageResponse>> SendStructuredMessageAsync(StructuredMessageRequest request, CancellationToken cancellationToken = default) =>
        Invalid<StructuredMessageResponse>(
            string.IsNullOrEmpty(options.StructuredMessageKey) ? "No structured-message KEY is configured." : Blank(request.Data.Title, "data.title"))
        ?? Send<StructuredMessageResponse>(
            new UdeskCall(HttpMethod.Post, "im/sessions/struct_messages")
            {
                // Udesk requires exactly this order; the signing handler appends timestamp and sign.
                Query = Parameters(("im_sub_session_id", Number(request.ImSubSessionId)), ("customer_id", Number(request.CustomerId)), ("agent_id", Number(request.AgentId))),
                Body = new StructuredMessageBody(request.JidResource, request.Data),
                Authentication = new UdeskRequestAuthentication.StructuredMessage(request.ImSubSessionId, request.CustomerId, request.AgentId),
                CodeField = "status",
            },
            cancellationToken);

    // Customers

    public Task<UdeskResult<CustomerResponse>> CreateCustomerAsync(CustomerRequest request, CancellationToken cancellationToken = default) =>
        Send<CustomerResponse>(new UdeskCall(HttpMethod.Post, "customers") { Body = request }, cancellationToken);

    public Task<UdeskResult<CustomerResponse>> GetCustomerAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
        Invalid<CustomerResponse>(Blank(lookup.Type, "type") ?? Blank(lookup.Content, "content"))
        ?? Send<CustomerResponse>(new UdeskCall(HttpMethod.Get, "customers/get_customer") { Query = Parameters(("type", lookup.Type), ("content", lookup.Content)) }, cancellationToken);

    public Task<UdeskResult<CustomerResponse>> UpdateCustomerAsync(CustomerLookup lookup, CustomerRequest request, CancellationToken cancellationToken = default) =>
        Invalid<CustomerResponse>(Blank(lookup.Type, "type") ?? Blank(lookup.Content, "content"))
        ?? Send<CustomerResponse>(
            new UdeskCall(HttpMethod.Put, "customers/update_customer") { Query = Parameters(("type", lookup.Type), ("content", lookup.Content)), Body = request },
            cancellationToken);

    public Task<UdeskResult<LogInResponse>> LogInAsync(string email, string password, CancellationToken cancellationToken = default) =>
        Invalid<LogInResponse>(Blank(email, "email") ?? Blank(password, "password"))
        ?? Send<LogInResponse>(new UdeskCall(HttpMethod.Post, "log_in") { Body = new LogInBody(email, password), Authentication = new UdeskRequestAuthentication.None() }, cancellationToken);

    private Task<UdeskResult<T>> Send<T>(UdeskCall call, CancellationToken cancellationToken) => transport.SendAsync<T>(call, cancellationToken);

    private static string? ValidateMessage(SendMessageRequest request) =>
        Blank(request.CustomerToken, "customer_token")
        ?? (request.Target is MessageTarget.Urobot ? null : Blank(request.MessageId, "message_id"))
        ?? (!string.IsNullOrEmpty(request.MessageId) && !MessageIdPattern().IsMatch(request.MessageId)
            ? "message_id may contain only letters, digits, '_' and '-'."
            : null)
        ?? (!MessageType.Sendable.Contains(request.Type) ? $"type '{request.Type}' cannot be sent; use one of {string.Join(", ", MessageType.Sendable)}." : null)
        ?? (request.Target is MessageTarget.Robot && request.Type != MessageType.Text ? "The robot takes only type 'message'." : null)
        ?? (request.Data is null ? "data is required." : null);

    private static Task<UdeskResult<T>>? Invalid<T>(string? problem) =>
        problem is null ? null : Task.FromResult(UdeskResult<T>.Failure(new UdeskError(UdeskErrorKind.InvalidRequest, problem)));

    private static string? Blank(string? value, string field) => string.IsNullOrWhiteSpace(value) ? $"{field} is required." : null;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Parameters(params (string Name, string? Value)[] parameters) =>
        parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Name, p.Value!)).ToList();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex MessageIdPattern();

    private sealed record PreviewBody(string Content);

    private sealed record OnlineStateBody(string CustomerToken, int State);

    private sealed record ReadMessagesBody(long SessionId, IReadOnlyList<string> MessageIds);

    private sealed record StructuredMessageBody(string? JidResource, StructuredMessage Data);

    private sealed record LogInBody(string Email, string Password);
}
