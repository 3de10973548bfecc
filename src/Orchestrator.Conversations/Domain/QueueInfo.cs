using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Domain;

/// <summary>Where the customer waits. Position 0 without a name: Udesk is assigning an agent right now.</summary>
public sealed record QueueInfo(string? Name, int Position)
{
    [JsonIgnore]
    public bool AssignmentInProgress => Position == 0 && Name is null;
}
