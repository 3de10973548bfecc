using System.Text.Json.Serialization;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Sessions;

/// <summary>The answer to <c>POST /im/sessions</c>, with codes 1000, 2001 and 2002 all read as outcomes.</summary>
public sealed record CreateSessionResponse : UdeskResponse
{
    public string? AssignType { get; init; }

    public AssignInfo? AssignInfo { get; init; }

    /// <summary>What happened, as one of a closed set of cases.</summary>
    [JsonIgnore]
    public SessionAssignment Outcome => SessionAssignment.From(this);
}
