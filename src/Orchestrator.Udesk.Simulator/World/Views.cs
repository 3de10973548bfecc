namespace Orchestrator.Udesk.Simulator.World;

// Read-only snapshots of the world for tests, demos and the control API.

public sealed record AgentView(
    long Id,
    string Name,
    string Nick,
    string Avatar,
    ImStatus Status,
    string CustomStatus,
    int Capacity,
    int ActiveSessions,
    IReadOnlyList<long> GroupIds);

public sealed record GroupView(long Id, string Name);

public sealed record CustomerView(long Id, string CustomerToken, string NickName, bool Online);

/// <summary>
/// An agent session. A transfer closes it with <see cref="CloseType"/> <c>transfer</c> and names the session that
/// continues it in <see cref="TransferredTo"/>.
/// </summary>
public sealed record SessionView(
    long Id,
    string CustomerToken,
    long CustomerId,
    long AgentId,
    long? GroupId,
    bool Open,
    string? CloseType,
    long? TransferredTo,
    string Preview,
    IReadOnlyList<string> CustomerMessageIds,
    IReadOnlyList<string> AgentMessageIds,
    IReadOnlyList<string> UnreadByCustomer,
    int UnreadByAgent,
    long? SurveyOptionId);

/// <summary>A queued customer; <see cref="Position"/> counts from 1 within <see cref="QueueName"/>.</summary>
public sealed record QueueEntryView(string CustomerToken, string QueueName, int Position, DateTimeOffset EnqueuedAt);

/// <summary>The urobot conversation of a customer.</summary>
public sealed record UrobotSessionView(long SessionId, string CustomerToken, long RobotId, long SceneId, IReadOnlyList<long> LogIds);
