using System.Text.Json;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Status;

/// <summary><c>GET /im/im_queues</c>: one page of customers who abandoned the queue.</summary>
public sealed record AbandonedQueuePage : UdeskResponse
{
    public const int MaxPerPage = 100;

    public IReadOnlyList<AbandonedQueueEntry>? ShutQueues { get; init; }

    public PageMeta? Meta { get; init; }
}

public sealed record AbandonedQueueEntry : UdeskObject
{
    public long? Id { get; init; }

    public long? CustomerId { get; init; }

    /// <summary>The table says a nickname string; the example sends the whole customer object. Both are kept.</summary>
    public JsonElement? CustomerName { get; init; }

    public string? Channel { get; init; }

    public UdeskTimestamp? QueueStartTime { get; init; }

    public int? QueueSeconds { get; init; }

    public string? QueueName { get; init; }

    public long? ImWebPluginId { get; init; }

    public string? MenuNames { get; init; }

    public string? CustomerNickName => CustomerName switch
    {
        { ValueKind: JsonValueKind.String } name => name.GetString(),
        { ValueKind: JsonValueKind.Object } customer when customer.TryGetProperty("nick_name", out var nick) => nick.ToString(),
        _ => null,
    };
}

public sealed record PageMeta : UdeskObject
{
    public int? CurrentPage { get; init; }

    public int? TotalPages { get; init; }

    public int? Count { get; init; }
}
