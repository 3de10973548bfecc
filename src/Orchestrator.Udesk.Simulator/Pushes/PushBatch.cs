namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>
/// One POST to the Receiving Message URL. Batches with the same <see cref="OrderingKey"/> (the customer) are
/// delivered in the order they were made; the messages inside a batch never change order.
/// </summary>
public sealed record PushBatch(long Id, string OrderingKey, string Kind, IReadOnlyList<string> MessageIds, byte[] Body);
