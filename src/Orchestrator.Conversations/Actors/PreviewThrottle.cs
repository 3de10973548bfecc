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
/// Udesk refuses stops the ones Udesk would refuse too (<see cref="PreviewRefusal"/>). The rules are
/// <see cref="PreviewGate"/>'s; this actor asks for permits, sends and wakes itself when the window reopens.
/// </summary>
internal sealed class PreviewThrottle : ReceiveActor, IWithTimers
{
    private const string WindowTimer = "window";

    private readonly ConversationId conversation;
    private readonly ConversationRuntime runtime;
    private readonly IUdeskClient udesk;
    private readonly PreviewGate gate;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly BudgetPermit permit;

    public PreviewThrottle(ConversationId conversation, ConversationRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        udesk = runtime.Udesk.For(conversation.Tenant);
        permit = new BudgetPermit(runtime.CallBudget, conversation.Tenant, Self, Timers, runtime.Limits, runtime.Time);
        gate = new PreviewGate(runtime.Limits.PreviewsPerSecond, runtime.Limits.SafetyMargin, runtime.Limits.MaxCallDuration);

        Receive<Preview>(preview =>
        {
            gate.Offer(preview);
            SendWhenAllowed();
        });
        Receive<WindowOpen>(_ => SendWhenAllowed());
        Receive<PermitGranted>(granted =>
        {
            if (permit.Take(granted))
            {
                Send();
            }
        });
        Receive<BudgetPermit.Overdue>(_ => permit.AskAgain());
        Receive<Sent>(sent =>
        {
            if (sent.Problem is { } problem)
            {
                log.Info("Preview for {0} was not delivered: {1}", conversation, problem);
            }

            if (gate.Answered(sent.Slot, sent.ImSubSessionId, sent.Problem, runtime.Time.GetUtcNow()) is PreviewRefusal.NotActivated)
            {
                log.Warning("Udesk answered 2065 for previews of {0}: the preview interface is not activated for the company; no more previews are sent", conversation);
            }

            permit.Return();
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
        var now = runtime.Time.GetUtcNow();
        switch (gate.Next(now))
        {
            case { } next when next > now:
                Timers.StartSingleTimer(WindowTimer, WindowOpen.Instance, next - now);
                break;
            case not null:
                permit.Request(CallPriority.Preview);
                break;
        }
    }

    private void Send()
    {
        // The newest preview at the moment of sending, not the one that asked for the permit.
        var (preview, slot) = gate.Take(runtime.Time.GetUtcNow());
        udesk.SendMessagePreviewAsync(preview.ImSubSessionId, preview.Content)
            .PipeTo(Self, success: r => new Sent(slot, preview.ImSubSessionId, r.Error), failure: e => new Sent(slot, preview.ImSubSessionId, new UdeskError(UdeskErrorKind.Transport, e.Message)));
    }

    /// <summary>Local to the conversation: never crosses nodes, so never serialized.</summary>
    public sealed record Preview(long ImSubSessionId, string Content) : INoSerializationVerificationNeeded;

    private sealed record Sent(SlidingWindowLog.Slot Slot, long ImSubSessionId, UdeskError? Problem) : INoSerializationVerificationNeeded;

    private sealed class WindowOpen : INoSerializationVerificationNeeded
    {
        public static readonly WindowOpen Instance = new();
    }
}
