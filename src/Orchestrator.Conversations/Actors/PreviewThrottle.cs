using Akka.Actor;
using Akka.Event;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;

namespace Orchestrator.Conversations.Actors;

/// <summary>
/// Sends a conversation's message previews within Udesk's 3 per second per session. Previews coalesce: only the
/// newest waiting one is sent, and the last one always is (so the agent never sees a stale preview).
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
    private long permitRequest;
    private long permitToken;

    public PreviewThrottle(ConversationId conversation, ConversationRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        udesk = runtime.Udesk.For(conversation.Tenant);
        window = new SlidingWindowLog(runtime.Limits.PreviewsPerSecond, TimeSpan.FromSeconds(1) + runtime.Limits.SafetyMargin, runtime.Limits.MaxCallDuration);

        Receive<Preview>(preview =>
        {
            waiting = preview;
            SendWhenAllowed();
        });
        Receive<WindowOpen>(_ => SendWhenAllowed());
        Receive<PermitGranted>(granted => granted.RequestId == permitRequest, granted =>
        {
            permitToken = granted.Token;
            Send();
        });
        Receive<Sent>(sent =>
        {
            if (!sent.Ok)
            {
                log.Info("Preview for {0} was not delivered: {1}", conversation, sent.Problem);
            }

            SlidingWindowLog.Release(sent.Slot, runtime.Time.GetUtcNow());
            runtime.CallBudget.Tell(new ReleasePermit(conversation.Tenant, permitToken));
            busy = false;
            SendWhenAllowed();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ConversationId conversation, ConversationRuntime runtime) =>
        Akka.Actor.Props.Create(() => new PreviewThrottle(conversation, runtime));

    private void SendWhenAllowed()
    {
        if (busy || waiting is null)
        {
            return;
        }

        var now = runtime.Time.GetUtcNow();
        var next = window.NextAllowedAt(now);
        if (next > now)
        {
            Timers.StartSingleTimer(WindowTimer, WindowOpen.Instance, next - now);
            return;
        }

        busy = true;
        runtime.CallBudget.Tell(new RequestPermit(conversation.Tenant, CallPriority.Preview, CallLane.General, ++permitRequest));
    }

    private void Send()
    {
        // The newest preview at the moment of sending, not the one that asked for the permit.
        var preview = waiting!;
        waiting = null;
        // Udesk counts the preview when it arrives: the slot's window starts once it has been answered.
        var slot = window.TryAcquire(runtime.Time.GetUtcNow(), hold: true)!;
        udesk.SendMessagePreviewAsync(preview.ImSubSessionId, preview.Content)
            .PipeTo(Self, success: r => new Sent(slot, r.IsSuccess, r.Error?.ToString()), failure: e => new Sent(slot, false, e.Message));
    }

    /// <summary>Local to the conversation: never crosses nodes, so never serialized.</summary>
    public sealed record Preview(long ImSubSessionId, string Content) : INoSerializationVerificationNeeded;

    private sealed record Sent(SlidingWindowLog.Slot Slot, bool Ok, string? Problem) : INoSerializationVerificationNeeded;

    private sealed class WindowOpen : INoSerializationVerificationNeeded
    {
        public static readonly WindowOpen Instance = new();
    }
}
