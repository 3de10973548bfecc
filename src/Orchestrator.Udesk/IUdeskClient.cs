using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Customers;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Robots;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Status;
using Orchestrator.Udesk.StructuredMessages;
using Orchestrator.Udesk.Surveys;

namespace Orchestrator.Udesk;

/// <summary>
/// The Udesk IM Open API of one company. Every call is signed per attempt, retried on transport trouble only,
/// and answers a <see cref="UdeskResult{T}"/>: business refusals are typed errors, never exceptions.
/// </summary>
public interface IUdeskClient
{
    // Sessions
    Task<UdeskResult<CreateSessionResponse>> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> CloseSessionAsync(long sessionId, CancellationToken cancellationToken = default);

    /// <summary>Deletes closed sessions created in [<paramref name="from"/>, <paramref name="to"/>], optionally of one customer.</summary>
    Task<UdeskResult<UdeskResponse>> DestroyClosedSessionsAsync(DateTimeOffset from, DateTimeOffset to, long? customerId = null, CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> AbandonQueueAsync(string customerToken, string queue, CancellationToken cancellationToken = default);

    /// <summary>What the customer is typing, for the agent; an empty <paramref name="content"/> clears it. 3/s per session.</summary>
    Task<UdeskResult<UdeskResponse>> SendMessagePreviewAsync(long sessionId, string content, CancellationToken cancellationToken = default);

    // Messages
    Task<UdeskResult<UdeskResponse>> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<UnreadOfflineMessages>> GetUnreadOfflineMessagesAsync(long imSubSessionId, long customerId, long? appId = null, CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> SetCustomerOnlineStateAsync(string customerToken, bool online, CancellationToken cancellationToken = default);

    /// <summary>The customer read these agent messages.</summary>
    Task<UdeskResult<UdeskResponse>> MarkAgentMessagesReadAsync(long sessionId, IReadOnlyList<string> messageIds, CancellationToken cancellationToken = default);

    Task<UdeskResult<SensitiveWords>> GetSensitiveWordsAsync(CancellationToken cancellationToken = default);

    Task<UdeskResult<AgentUnreadMessages>> GetAgentUnreadMessagesAsync(IReadOnlyList<long> agentIds, CancellationToken cancellationToken = default);

    // Robots and urobots
    Task<UdeskResult<UdeskResponse>> RateRobotAnswerAsync(RobotUsefulnessRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> SubmitUrobotSurveyAsync(UrobotSurveyRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> SubmitAnswerSurveyAsync(AnswerSurveyRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> SelectFlowAsync(FlowRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> RecordHitAsync(HitRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<UrobotListResponse>> GetUrobotsAsync(CancellationToken cancellationToken = default);

    Task<UdeskResult<UdeskResponse>> RecordTransferSurveyAsync(TransferSurveyRequest request, CancellationToken cancellationToken = default);

    // Surveys
    Task<UdeskResult<UdeskResponse>> SubmitSessionSurveyAsync(SessionSurveyRequest request, CancellationToken cancellationToken = default);

    // Status
    Task<UdeskResult<QueueStatus>> GetQueueStatusAsync(string customerToken, CancellationToken cancellationToken = default);

    Task<UdeskResult<CustomerStatus>> GetCustomerStatusAsync(CustomerStatusQuery query, CancellationToken cancellationToken = default);

    Task<UdeskResult<AgentStatusList>> GetAgentStatusAsync(long? groupId = null, CancellationToken cancellationToken = default);

    Task<UdeskResult<AbandonedQueuePage>> GetAbandonedQueuesAsync(DateTimeOffset from, DateTimeOffset to, int page = 1, int perPage = 30, CancellationToken cancellationToken = default);

    // Structured messages
    Task<UdeskResult<StructuredMessageResponse>> SendStructuredMessageAsync(StructuredMessageRequest request, CancellationToken cancellationToken = default);

    // Customers
    Task<UdeskResult<CustomerResponse>> CreateCustomerAsync(CustomerRequest request, CancellationToken cancellationToken = default);

    Task<UdeskResult<CustomerResponse>> GetCustomerAsync(CustomerLookup lookup, CancellationToken cancellationToken = default);

    Task<UdeskResult<CustomerResponse>> UpdateCustomerAsync(CustomerLookup lookup, CustomerRequest request, CancellationToken cancellationToken = default);

    /// <summary>Exchanges the admin password for the open-api token; configuration may also give the token directly.</summary>
    Task<UdeskResult<LogInResponse>> LogInAsync(string email, string password, CancellationToken cancellationToken = default);
}
