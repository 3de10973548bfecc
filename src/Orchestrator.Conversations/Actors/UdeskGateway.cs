using Akka.Actor;
using Akka.Event;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Conversations.Actors;

/// <summary>
/// Makes one conversation's outbox calls, one at a time and in order: waits for the company budget, calls Udesk,
/// retries transport trouble with jittered back-off for as long as it takes, and reports each answer to its parent.
/// </summary>
internal sealed class UdeskGateway : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "retry";

    private readonly ConversationId conversation;
    private readonly IUdeskClient udesk;
    private readonly ConversationRuntime runtime;
    private readonly CancellationTokenSource stopping = new();
    private readonly ILoggingAdapter log = Context.GetLogger();
    private PendingCall? current;
    private int failures;
    private long permitRequest;
    private long? heldPermit;

    public UdeskGateway(ConversationId conversation, ConversationRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        udesk = runtime.Udesk.For(conversation.Tenant);

        Receive<Execute>(execute =>
        {
            if (current?.Seq == execute.Call.Seq)
            {
                return;
            }

            current = execute.Call;
            failures = 0;
            AskForPermit();
        });
        Receive<PermitGranted>(granted => granted.RequestId == permitRequest && current is not null, granted =>
        {
            heldPermit = granted.Token;
            Attempt(current!);
        });
        Receive<Attempted>(attempted => attempted.Seq == current?.Seq, attempted =>
        {
            ReturnPermit();
            OnAttempted(attempted);
        });
        Receive<RetryNow>(_ => current is not null, _ => AskForPermit());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ConversationId conversation, ConversationRuntime runtime) =>
        Akka.Actor.Props.Create(() => new UdeskGateway(conversation, runtime));

    protected override void PostRestart(Exception reason)
    {
        base.PostRestart(reason);
        // Whatever was in flight is forgotten: ask the parent for the outbox head again.
        Context.Parent.Tell(Ready.Instance);
    }

    protected override void PostStop()
    {
        ReturnPermit();
        stopping.Cancel();
        stopping.Dispose();
        base.PostStop();
    }

    private void AskForPermit()
    {
        runtime.CallBudget.Tell(new RequestPermit(conversation.Tenant, current!.Call.Priority, CallLane.General, ++permitRequest));
    }

    /// <summary>The call in flight is over (answered, failed, or abandoned): the budget starts its window now.</summary>
    private void ReturnPermit()
    {
        if (heldPermit is { } token)
        {
            runtime.CallBudget.Tell(new Throttling.ReleasePermit(conversation.Tenant, token));
            heldPermit = null;
        }
    }

    private void Attempt(PendingCall call)
    {
        UdeskCallExecutor.ExecuteAsync(udesk, conversation, call.Call, stopping.Token)
            .PipeTo(Self, success: attempt => new Attempted(call.Seq, attempt), failure: e => new Attempted(call.Seq, new CallAttempt.Failed(new UdeskError(UdeskErrorKind.Transport, e.Message))));
    }

    private void OnAttempted(Attempted attempted)
    {
        if (attempted.Attempt is CallAttempt.Answered answered)
        {
            Complete(attempted.Seq, answered.Outcome);
            return;
        }

        var error = ((CallAttempt.Failed)attempted.Attempt).Error;
        failures++;
        if (error.Kind == UdeskErrorKind.InvalidResponse && failures >= runtime.Settings.MaxMalformedAnswers)
        {
            // Poison: recorded as refused rather than retried forever.
            log.Warning("Udesk answered call {0} of {1} malformed {2} times; recording it as refused: {3}", attempted.Seq, conversation, failures, error);
            Complete(attempted.Seq, new CallOutcome.Refused(error.Code, error.Message));
            return;
        }

        // Udesk's own Retry-After, when it gave one, is the least the next attempt waits.
        var backoff = Backoff(failures);
        var delay = error.RetryAfter is { } asked && asked > backoff ? asked : backoff;
        log.Info("Udesk call {0} of {1} failed ({2}); retrying in {3}", attempted.Seq, conversation, error, delay);
        Timers.StartSingleTimer(RetryTimer, RetryNow.Instance, delay);
    }

    private void Complete(long seq, CallOutcome outcome)
    {
        Context.Parent.Tell(new ConversationCommands.CompleteCall(conversation, seq, outcome));
        current = null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var settings = runtime.Settings;
        var exponential = settings.RetryMinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, settings.RetryMaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>Make this outbox call (ignored if it is already the one in hand).</summary>
    public sealed record Execute(PendingCall Call) : INoSerializationVerificationNeeded;

    /// <summary>Sent to the parent after a restart.</summary>
    public sealed class Ready : INoSerializationVerificationNeeded
    {
        public static readonly Ready Instance = new();
    }

    private sealed record Attempted(long Seq, CallAttempt Attempt) : INoSerializationVerificationNeeded;

    private sealed class RetryNow : INoSerializationVerificationNeeded
    {
        public static readonly RetryNow Instance = new();
    }
}
