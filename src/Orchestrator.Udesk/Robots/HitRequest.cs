namespace Orchestrator.Udesk.Robots;

/// <summary><c>POST /im/messages/hit</c>: the customer clicked something in a urobot answer.</summary>
public sealed record HitRequest(string CustomerToken, long ImSubSessionId, long MessageId, long RobotId, int QueryType)
{
    public string? Question { get; init; }

    public long? QuestionId { get; init; }

    public long? SceneId { get; init; }
}
