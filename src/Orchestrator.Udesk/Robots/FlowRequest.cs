namespace Orchestrator.Udesk.Robots;

/// <summary><c>POST /im/messages/flow</c>: the customer picked a <c>data-type="2"</c> item of a urobot flow.</summary>
public sealed record FlowRequest(string CustomerToken, long ImSubSessionId, long FlowId, long RobotId, long SceneId);
