using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Sessions;

/// <summary>The outcome of a session request. Queued and "no agent online" are states, not failures.</summary>
public abstract record SessionAssignment(string? Message)
{
    public sealed record Robot(string? Message, AssignInfo Info) : SessionAssignment(Message);

    /// <summary>Keep <see cref="UrobotSessionId"/>: messages to the urobot must carry it.</summary>
    public sealed record Urobot(string? Message, long? UrobotSessionId, AssignInfo Info) : SessionAssignment(Message);

    public sealed record Agent(string? Message, long ImSubSessionId, long? AgentId, string? AgentName, string? AgentAvatar, AssignInfo Info)
        : SessionAssignment(Message);

    public sealed record Queued(string? Message, int Position, string? Queue) : SessionAssignment(Message);

    /// <summary>Code 2001 with position 0: Udesk is assigning; a <c>start_session</c> push follows.</summary>
    public sealed record AssignmentInProgress(string? Message) : SessionAssignment(Message);

    public sealed record NoAgentOnline(string? Message) : SessionAssignment(Message);

    internal static SessionAssignment From(CreateSessionResponse response)
    {
        var info = response.AssignInfo ?? new AssignInfo();
        return response.Code switch
        {
            UdeskCodes.NoAgentOnline => new NoAgentOnline(response.Message),
            UdeskCodes.Queued when info.Count > 0 || info.Queue is not null =>
                new Queued(response.Message, info.Count ?? 0, info.Queue),
            UdeskCodes.Queued => new AssignmentInProgress(response.Message),
            _ => response.AssignType switch
            {
                "urobot" => new Urobot(response.Message, info.SessionId, info),
                "agent" when info.ImSubSessionId is { } session =>
                    new Agent(response.Message, session, info.AgentId, info.AgentName, info.AgentAvatar, info),
                // An agent answer without a session id has not been assigned yet.
                "agent" => new AssignmentInProgress(response.Message),
                _ => new Robot(response.Message, info),
            },
        };
    }
}
