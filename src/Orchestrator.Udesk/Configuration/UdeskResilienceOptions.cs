using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Udesk.Configuration;

/// <summary>How hard we try before a call to Udesk is reported as a transport failure.</summary>
public sealed class UdeskResilienceOptions
{
    /// <summary>Time-out of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time-out of the whole call, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Retries after the first attempt, only for requests that never reached Udesk (no connection). Time-outs, 429
    /// and 5xx are the caller's to retry: it takes a budget permit per attempt and knows what is safe to repeat.
    /// </summary>
    [Range(1, 20)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base of the jittered exponential back-off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Failure ratio over <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
