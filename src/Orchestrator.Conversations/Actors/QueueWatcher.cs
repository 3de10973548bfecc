using Akka.Actor;
using Akka.Event;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Status;

namespace Orchestrator.Conversations.Actors;

/// <summary>
/// While its conversation is queued, asks Udesk's <c>queue_status</c> every <see cref="ConversationSettings.QueuePollInterval"/>
/// at the lowest priority of the company budget, and tells the conversation what it heard: the position stays live,
/// and a customer Udesk dropped from its queue without a push is noticed. Stopped when the conversation leaves the queue.
/// </summary>
internal sealed class QueueWatcher : ReceiveActor, IWithTimers
{
    private const string PollTimer = "poll";

    private readonly ConversationId conversation;
    private readonly ConversationRuntime runtime;
    private readonly IUdeskClient udesk;
    private readonly CancellationTokenSource stopping = new();
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly BudgetPermit permit;
    private bool busy;

    public QueueWatcher(ConversationId conversation, ConversationRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        udesk = runtime.Udesk.For(conversation.Tenant);
        permit = new BudgetPermit(runtime.CallBudget, conversation.Tenant, Self, Timers, runtime.Limits, runtime.Time);

        Receive<Poll>(_ =>
        {
            if (!busy)
            {
                busy = true;
                permit.Request(CallPriority.Query);
            }
        });
        Receive<PermitGranted>(granted =>
        {
            if (permit.Take(granted))
            {
                udesk.GetQueueStatusAsync(conversation.CustomerToken, stopping.Token)
                    .PipeTo(Self, success: r => new Answered(r.IsSuccess ? r.Value : null, r.Error), failure: e => new Answered(null, new UdeskError(UdeskErrorKind.Transport, e.Message)));
            }
        });
        Receive<Answered>(answered =>
        {
            permit.Return();
            busy = false;
            if (answered.Status is { Status: { } status } queue)
            {
                Context.Parent.Tell(new ConversationCommands.ObserveQueue(conversation, status, queue.Count ?? 0));
            }
            else
            {
                log.Info("queue_status for {0} failed: {1}", conversation, answered.Error);
            }
        });
        Receive<BudgetPermit.Overdue>(_ => permit.AskAgain());
        Receive<ConversationReplies.Reply>(_ => { });
        Timers.StartPeriodicTimer(PollTimer, Poll.Instance, runtime.Settings.QueuePollInterval);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ConversationId conversation, ConversationRuntime runtime) =>
        Akka.Actor.Props.Create(() => new QueueWatcher(conversation, runtime));

    protected override void PostStop()
    {
        permit.Return();
        stopping.Cancel();
        stopping.Dispose();
        base.PostStop();
    }

    private sealed record Answered(QueueStatus? Status, UdeskError? Error) : INoSerializationVerificationNeeded;

    private sealed class Poll : INoSerializationVerificationNeeded
    {
        public static readonly Poll Instance = new();
    }
}
