using Orchestrator.Udesk.Results;
using Preview = Orchestrator.Conversations.Actors.PreviewThrottle.Preview;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// The preview throttle's rules, without the actor: at most <c>perSecond</c> previews in any second (plus the safety
/// margin), one in flight at a time, only the newest waiting one sent, and none Udesk would refuse
/// (<see cref="PreviewRefusal"/>). Pure: time is an argument; the actor asks for permits, sends and sets timers.
/// </summary>
internal sealed class PreviewGate(int perSecond, TimeSpan safetyMargin, TimeSpan maxCallDuration)
{
    private readonly SlidingWindowLog window = new(perSecond, TimeSpan.FromSeconds(1) + safetyMargin, maxCallDuration);
    private Preview? waiting;
    private bool busy;
    private DateTimeOffset pausedUntil;
    private long? goneSession;
    private bool notActivated;

    /// <summary>Keeps <paramref name="preview"/> as the one to send next, unless its previews are refused.</summary>
    public void Offer(Preview preview)
    {
        if (!notActivated && preview.ImSubSessionId != goneSession)
        {
            waiting = preview;
        }
    }

    /// <summary>
    /// Null when nothing waits or a preview is in flight; otherwise when the waiting one may go. At or before
    /// <paramref name="now"/> means now: the gate is then busy until <see cref="Answered"/>.
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset now)
    {
        if (busy || waiting is null)
        {
            return null;
        }

        var next = window.NextAllowedAt(now);
        next = next > pausedUntil ? next : pausedUntil;
        busy = next <= now;
        return next;
    }

    /// <summary>The newest waiting preview, sent now; Udesk counts it when it arrives, so its slot is held until answered.</summary>
    public (Preview Preview, SlidingWindowLog.Slot Slot) Take(DateTimeOffset now)
    {
        var preview = waiting ?? throw new InvalidOperationException("No preview is waiting.");
        waiting = null;
        return (preview, window.TryAcquire(now, hold: true)!);
    }

    /// <summary>Udesk answered the preview sent in <paramref name="slot"/>; answers what a refusal means for the next ones.</summary>
    public PreviewRefusal? Answered(SlidingWindowLog.Slot slot, long session, UdeskError? problem, DateTimeOffset now)
    {
        var refusal = PreviewRefusal.Of(problem, now, window.Window);
        switch (refusal)
        {
            case PreviewRefusal.PauseUntil pause:
                pausedUntil = pause.Until;
                break;
            case PreviewRefusal.SessionGone:
                goneSession = session;
                waiting = waiting?.ImSubSessionId == session ? null : waiting;
                break;
            case PreviewRefusal.NotActivated:
                notActivated = true;
                waiting = null;
                break;
        }

        window.Release(slot, now);
        busy = false;
        return refusal;
    }
}
