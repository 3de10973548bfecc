using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Conversations.Delivery;

/// <summary>How events are delivered to the platforms' webhooks (configuration section <c>Orchestrator:Delivery</c>).</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string Section = "Orchestrator:Delivery";

    /// <summary>How long one POST may take before it counts as failed and is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one event (time-outs, 429, 5xx) before it goes to the dead-letter list.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First wait before a retry; doubles per attempt up to <see cref="MaxBackoff"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before a retry, a receiver's Retry-After included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Journal events the dispatcher hands on per batch before recording its position.</summary>
    [Range(1, 10_000)]
    public int DispatchBatch { get; set; } = 500;

    /// <summary>A conversation's delivery that has caught up leaves memory after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan PassivateAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A snapshot of a delivery every this many of its events.</summary>
    [Range(1, 1_000_000)]
    public int SnapshotEvery { get; set; } = 200;

    /// <summary>Shards of the delivery region.</summary>
    [Range(1, 10_000)]
    public int Shards { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBackoff < MinBackoff)
        {
            yield return new ValidationResult("MaxBackoff must not be shorter than MinBackoff.", [nameof(MaxBackoff)]);
        }
    }
}
