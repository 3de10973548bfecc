using Orchestrator.Retry;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// What delivery does with each input: pure (time and jitter are arguments), so every rule is unit-tested and the
/// actor only reads, sends, persists and waits.
/// </summary>
public static class DeliveryDecider
{
    private static readonly Jitter DownToHalf = new(below: 0.5, above: 0);

    /// <summary>
    /// After attempt number <paramref name="attempt"/> (from 1) of event <paramref name="seq"/>:
    /// 2xx delivers it; no answer, 408, 429 and 5xx retry until <see cref="DeliveryOptions.MaxAttempts"/>;
    /// anything else is the receiver refusing it, dead-lettered at once.
    /// </summary>
    /// <param name="jitter">A random number in [0, 1).</param>
    public static AttemptVerdict Judge(long seq, int attempt, WebhookResponse response, DeliveryOptions options, DateTimeOffset now, double jitter)
    {
        if (response.Acknowledged)
        {
            return new AttemptVerdict.Delivered(new EventDelivered(seq));
        }

        if (!response.Retryable)
        {
            return new AttemptVerdict.DeadLettered(new EventDeadLettered(seq, $"The receiver refused the event with {response}.", response.Status, now));
        }

        return attempt >= options.MaxAttempts
            ? new AttemptVerdict.DeadLettered(new EventDeadLettered(seq, $"Not acknowledged after {attempt} attempts; the last got {response}.", response.Status, now))
            : new AttemptVerdict.RetryIn(RetryDelay(attempt, response.RetryAfter, options, jitter));
    }

    /// <summary>A replayed dead letter leaves the list only when the receiver acknowledges it.</summary>
    public static Event? JudgeReplay(DeliveryState state, long seq, WebhookResponse response, DateTimeOffset now) =>
        response.Acknowledged && state.DeadLetterOf(seq) is not null ? new DeadLetterReplayed(seq, now) : null;

    /// <summary>
    /// Exponential from <see cref="DeliveryOptions.MinBackoff"/>, jittered to 50–100 % so receivers that failed
    /// together do not get their retries together; never sooner than the receiver's Retry-After; never longer than
    /// <see cref="DeliveryOptions.MaxBackoff"/>.
    /// </summary>
    public static TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter, DeliveryOptions options, double jitter)
    {
        var jittered = Backoff.Jittered(attempt, options.MinBackoff, options.MaxBackoff, DownToHalf, jitter);
        var wait = retryAfter is { } asked && asked > jittered ? asked : jittered;
        return wait < options.MaxBackoff ? wait : options.MaxBackoff;
    }
}

/// <summary>The outcome of one delivery attempt.</summary>
public abstract record AttemptVerdict
{
    public sealed record Delivered(EventDelivered Event) : AttemptVerdict;

    public sealed record RetryIn(TimeSpan Delay) : AttemptVerdict;

    public sealed record DeadLettered(EventDeadLettered Event) : AttemptVerdict;
}
