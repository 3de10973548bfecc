namespace Orchestrator.Udesk.Simulator.World;

/// <summary>A customer who gave up waiting (<c>/im/sessions/close_queue</c>), for <c>/im/im_queues</c>.</summary>
internal sealed record AbandonedQueue(long Id, CustomerRecord Customer, string Channel, string QueueName, DateTimeOffset QueueStart, DateTimeOffset AbandonedAt);
