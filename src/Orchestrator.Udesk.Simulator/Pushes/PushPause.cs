using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>
/// Udesk's rule: after <see cref="SimulatorOptions.PushTimeoutsBeforePause"/> time-outs within
/// <see cref="SimulatorOptions.PushTimeoutWindow"/>, stop calling the URL for the pause length, counted from the last time-out.
/// </summary>
internal sealed class PushPause(IOptions<SimulatorOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> timeouts = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;

    /// <summary>The end of the pause in force, or null.</summary>
    public DateTimeOffset? Until
    {
        get
        {
            lock (gate)
            {
                return pausedUntil > time.GetUtcNow() ? pausedUntil : null;
            }
        }
    }

    /// <summary>Counts a time-out; answers the end of the pause it started, if it started one.</summary>
    public DateTimeOffset? RecordTimeout()
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (gate)
        {
            timeouts.Enqueue(now);
            while (now - timeouts.Peek() > settings.PushTimeoutWindow)
            {
                timeouts.Dequeue();
            }

            if (timeouts.Count < settings.PushTimeoutsBeforePause)
            {
                return null;
            }

            timeouts.Clear();
            pausedUntil = now + settings.PushPauseDuration;
            return pausedUntil;
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                wait = pausedUntil - time.GetUtcNow();
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            timeouts.Clear();
            pausedUntil = DateTimeOffset.MinValue;
        }
    }
}
