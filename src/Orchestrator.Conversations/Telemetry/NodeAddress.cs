using Akka.Actor;

namespace Orchestrator.Conversations.Telemetry;

/// <summary>How metrics name a node: its Akka address (<c>akka.tcp://orchestrator@host:port</c>).</summary>
public static class NodeAddress
{
    public static string Of(ActorSystem system) => ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString();
}
