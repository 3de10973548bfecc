using Orchestrator.Conversations.Delivery;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>The pure rules of webhook delivery: what is retried and how long it waits, what is given up.</summary>
public sealed class DeliveryDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DeliveryOptions Options = new() { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30), MaxAttempts = 5 };

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public void A_2xx_delivers(int status)
    {
        var verdict = DeliveryDecider.Judge(4, 1, new WebhookResponse(status), Options, Now, 0.5);

        Assert.Equal(new EventDelivered(4), Assert.IsType<AttemptVerdict.Delivered>(verdict).Event);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(302)]
    public void Any_other_non_retryable_status_is_dead_lettered_at_the_first_attempt(int status)
    {
        var verdict = DeliveryDecider.Judge(4, 1, new WebhookResponse(status), Options, Now, 0.5);

        var dead = Assert.IsType<AttemptVerdict.DeadLettered>(verdict).Event;
        Assert.Equal((4L, status, Now), (dead.Seq, dead.LastStatus!.Value, dead.At));
        Assert.Contains($"HTTP {status}", dead.Reason);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    [InlineData(null)]
    public void Time_outs_429_and_5xx_are_retried_until_the_last_attempt_then_dead_lettered_with_the_last_status(int? status)
    {
        var response = new WebhookResponse(status, null, status is null ? "no answer within 00:00:10" : null);

        Assert.IsType<AttemptVerdict.RetryIn>(DeliveryDecider.Judge(4, Options.MaxAttempts - 1, response, Options, Now, 0.5));
        var dead = Assert.IsType<AttemptVerdict.DeadLettered>(DeliveryDecider.Judge(4, Options.MaxAttempts, response, Options, Now, 0.5)).Event;
        Assert.Equal(status, dead.LastStatus);
        Assert.Contains($"{Options.MaxAttempts} attempts", dead.Reason);
    }

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999, 1000)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(3, 0.999, 4000)]
    [InlineData(20, 0.999, 30000)]
    public void Back_off_doubles_per_attempt_with_jitter_and_a_ceiling(int attempt, double jitter, int expectedAboutMs)
    {
        var wait = DeliveryDecider.RetryDelay(attempt, null, Options, jitter);

        Assert.InRange(wait.TotalMilliseconds, expectedAboutMs * 0.99, expectedAboutMs * 1.01);
        Assert.True(wait <= Options.MaxBackoff);
    }

    [Fact]
    public void Retry_after_is_a_floor_capped_by_the_longest_back_off()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), DeliveryDecider.RetryDelay(1, TimeSpan.FromSeconds(7), Options, 0.5));
        Assert.Equal(Options.MaxBackoff, DeliveryDecider.RetryDelay(1, TimeSpan.FromHours(1), Options, 0.5));
        var verdict = DeliveryDecider.Judge(4, 1, new WebhookResponse(429, TimeSpan.FromSeconds(7)), Options, Now, 0.5);
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<AttemptVerdict.RetryIn>(verdict).Delay);
    }

    [Fact]
    public void The_cursor_only_moves_forward_and_dead_letters_come_and_go()
    {
        var state = DeliveryState.Initial
            .Apply(new DeliveryScheduled(6))
            .Apply(new EventDelivered(2))
            .Apply(new EventDeadLettered(3, "refused", 400, Now))
            .Apply(new EventsSkipped(5))
            .Apply(new EventDelivered(4));

        Assert.Equal((5L, 6L, false), (state.Cursor, state.KnownUpTo, state.CaughtUp));
        Assert.Equal(3, Assert.Single(state.DeadLetters).Seq);

        var replayed = DeliveryDecider.JudgeReplay(state, 3, new WebhookResponse(200), Now);
        Assert.Equal(new DeadLetterReplayed(3, Now), replayed);
        Assert.Empty(state.Apply(replayed!).DeadLetters);
        Assert.Equal(5, state.Apply(replayed!).Cursor);
        Assert.True(state.Apply(new EventDelivered(6)).CaughtUp);
    }

    [Fact]
    public void A_replay_that_is_not_acknowledged_or_of_no_dead_letter_changes_nothing()
    {
        var state = DeliveryState.Initial.Apply(new EventDeadLettered(3, "refused", 400, Now));

        Assert.Null(DeliveryDecider.JudgeReplay(state, 3, new WebhookResponse(503), Now));
        Assert.Null(DeliveryDecider.JudgeReplay(state, 3, new WebhookResponse(null, null, "refused"), Now));
        Assert.Null(DeliveryDecider.JudgeReplay(state, 2, new WebhookResponse(200), Now));
    }
}
