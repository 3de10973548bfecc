namespace Orchestrator.Conversations.Hosting;

/// <summary>ActorRegistry key of the conversation shard region: every command goes through it.</summary>
public sealed class ConversationRegion;

/// <summary>ActorRegistry key of the proxy to the company call budget singleton.</summary>
public sealed class CallBudget;

/// <summary>ActorRegistry key of the session index shard region (agent session → conversation).</summary>
public sealed class SessionIndexRegion;

/// <summary>ActorRegistry key of the outbox sweeper singleton (wakes conversations whose calls wait after a crash).</summary>
public sealed class OutboxSweeper;

/// <summary>ActorRegistry key of the per-tenant push quarantine shard region.</summary>
public sealed class PushQuarantineRegion;
