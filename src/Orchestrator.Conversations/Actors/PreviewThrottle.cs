using Akka.Actor;
using Akka.Event;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Conversations.Actors;

/// <summary>
/// Sends a conversation's message previews within Udesk's 3 per second per session. Previews coalesce: only the
/// newest waiting one is sent, and the last one always is (so the agent never sees a stale preview). A preview
/// Udesk refuses stops the ones Udesk would refuse too (<see cref="PreviewRefusal"/>).
/// </summary>
internal sealed class PreviewThrottle : ReceiveActor, IWithTimers
{
    private const string WindowTimer = "window";

    private readonly ConversationId conversation;
    private readonly ConversationRuntime runtime;
    private readonly IUdeskClient udesk;
    private readonly SlidingWindowLog window;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private Preview? waiting;
    private bool busy;
    private DateTimeOffset pausedUntil;
    private long? goneSession;
    private bool notActivated;
    private readonly BudgetPermit permit;

    public PreviewThrottle(ConversationId conversation, ConversationRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        udesk = runtime.Udesk.For(conversation.Tenant);
        permit = new BudgetPermit(runtime.CallBudget, conversation.Tenant);
        window = new SlidingWindowLog(runtime.Limits.PreviewsPerSecond, TimeSpan.FromSeconds(1) + runtime.Limits.SafetyMargin, runtime.Limits.MaxCallDuration);

        Receive<Preview>(preview =>
        {
            if (notActivated || preview.ImSubSessionId == goneSession)
            {
                return;
            }

            waiting = preview;
            SendWhenAllowed();
        });
        Receive<WindowOpen>(_ => SendWhenAllowed());
        Receive<PermitGranted>(permit.Answers, granted =>
        {
            permit.Hold(granted);
            Send();
        });
        Receive<Sent>(sent =>
        {
            var now = runtime.Time.GetUtcNow();
            if (sent.Problem is { } problem)
            {
                log.Info("Preview for {0} was not delivered: {1}", conversation, problem);
                Refused(sent.ImSubSessionId, PreviewRefusal.Of(problem, now, window.Window));
            }

            SlidingWindowLog.Release(sent.Slot, now);
            permit.Return();
            busy = false;
            SendWhenAllowed();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ConversationId conversation, ConversationRuntime runtime) =>
        Akka.Actor.Props.Create(() => new PreviewThrottle(conversation, runtime));

    /// <summary>Stopped with a preview in flight: its place in the budget is not left taken.</summary>
    protected override void PostStop()
    {
        permit.Return();
        base.PostStop();
    }

    private void SendWhenAllowed()
    {
        if (busy || waiting is null)
        {
            return;
        }

        var now = runtime.Time.GetUtcNow();
        var next = window.NextAllowedAt(now);
        next = next > pausedUntil ? next : pausedUntil;
        if (next > now)
        {
            Timers.StartSingleTimer(WindowTimer, WindowOpen.Instance, next - now);
            return;
        }

        busy = true;
        permit.Request(Self, CallPriority.Preview);
    }

    private void Send()
    {
        // The newest preview at the moment of sending, not the one that asked for the permit.
        var preview = waiting!;
        waiting = null;
        // Udesk counts the preview when it arrives: the slot's window starts once it has been answered.
        var slot = window.TryAcquire(runtime.Time.GetUtcNow(), hold: true)!;
        udesk.SendMessagePreviewAsync(preview.ImSubSessionId, preview.Content)
            .PipeTo(Self, success: r => new Sent(slot, preview.ImSubSessionId, r.Error), failure: e => new Sent(slot, preview.ImSubSessionId, new UdeskError(UdeskErrorKind.Transport, e.Message)));
    }

    private void Refused(long session, PreviewRefusal? refusal)
    {
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
                log.Warning("Udesk answered 2065 for previews of {0}: the preview interface is not activated for the company; no more previews are sent", conversation);
                break;
        }
    }

    /// <summary>Local to the conversation: never crosses nodes, so never serialized.</summary>
    public sealed record Preview(long ImSubSessionId, string Content) : INoSerializationVerificationNeeded;

    private sealed record Sent(SlidingWindowLog.Slot Slot, long ImSubSessionId, UdeskError? Problem) : INoSerializationVerificationNeeded;

    private sealed class WindowOpen : INoSerializationVerificationNeeded
    {
        public static readonly WindowOpen Instance = new();
    }
}
