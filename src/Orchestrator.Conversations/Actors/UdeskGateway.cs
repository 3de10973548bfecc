using Akka.Actor;
using Akka.Event;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Telemetry;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Retry;
using Orchestrator.Udesk;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Status;

namespace Orchestrator.Conversations.Actors;

/// <summary>
/// Makes one conversation's outbox calls, one at a time and in order: waits for the company budget (a permit per
/// attempt), calls Udesk, retries transport trouble with jittered back-off for as long as it takes, and reports each
/// answer to its parent. A call that may have been done without an answer coming back is repeated only where that
/// is harmless; otherwise Udesk is asked first, or it is recorded unconfirmed (<see cref="UnansweredCalls"/>).
/// </summary>
internal sealed class UdeskGateway : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "retry";

    /// <summary>Conversations whose calls failed together spread their retries 20 % either way.</summary>
    private static readonly Jitter Spread = Jitter.Symmetric(0.2);

    private readonly ConversationId conversation;
    private readonly IUdeskClient udesk;
    private readonly ConversationRuntime runtime;
    private readonly CancellationTokenSource stopping = new();
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly BudgetPermit permit;
    private PendingCall? current;
    private ConversationCommands.CompleteCall? completed;
    private int failures;
    private UdeskQuestion? asking;
    private bool calling;
    private bool draining;

    public UdeskGateway(ConversationId conversation, ConversationRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        udesk = runtime.Udesk.For(conversation.Tenant);
        permit = new BudgetPermit(runtime.CallBudget, conversation.Tenant, Self, Timers, runtime.Limits, runtime.Time);

        Receive<Execute>(execute =>
        {
            if (current?.Seq == execute.Call.Seq)
            {
                // In hand already (the outbox sweeper woke the conversation): a permit still awaited is asked for again.
                permit.AskAgain();
                return;
            }

            if (completed?.CallSeq == execute.Call.Seq)
            {
                // Answered, but the conversation has not recorded it: told again, never called twice.
                Context.Parent.Tell(completed);
                return;
            }

            current = execute.Call;
            failures = 0;
            asking = null;
            if (execute.Call.MayHaveReachedUdesk && SettledUnanswered(execute.Call.Seq, "an earlier incarnation of the conversation started it"))
            {
                return;
            }

            AskForPermit();
        });
        Receive<PermitGranted>(granted =>
        {
            if (!permit.Take(granted))
            {
                return;
            }

            if (asking is { } question)
            {
                Ask(current!, question);
            }
            else
            {
                Attempt(current!);
            }
        });
        Receive<Attempted>(attempted => attempted.Seq == current?.Seq, attempted =>
        {
            calling = false;
            permit.Return();
            OnAttempted(attempted);
            DrainedIfUnsettled();
        });
        Receive<QuestionAnswered>(answered => answered.Seq == current?.Seq, answered =>
        {
            calling = false;
            permit.Return();
            OnAnswer(answered);
            DrainedIfUnsettled();
        });
        Receive<Drain>(_ =>
        {
            draining = true;
            if (!calling)
            {
                DrainedIfUnsettled();
            }
        });
        Receive<RetryNow>(_ => current is not null, _ => AskForPermit());
        Receive<BudgetPermit.Overdue>(_ => permit.AskAgain());
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
        permit.Return();
        stopping.Cancel();
        stopping.Dispose();
        base.PostStop();
    }

    private void AskForPermit() => permit.Request(current!.Call.Priority);

    private void Attempt(PendingCall call)
    {
        calling = true;
        UdeskCallExecutor.ExecuteAsync(udesk, conversation, call.Call, stopping.Token)
            .PipeTo(Self, success: attempt => new Attempted(call.Seq, attempt), failure: e => new Attempted(call.Seq, new CallAttempt.Failed(new UdeskError(UdeskErrorKind.Transport, e.Message))));
    }

    private void Ask(PendingCall call, UdeskQuestion question)
    {
        calling = true;
        Task<object?> answer = question switch
        {
            UdeskQuestion.QueueStatus => udesk.GetQueueStatusAsync(conversation.CustomerToken, stopping.Token).ContinueWith(t => AnswerOf(t.Result), TaskScheduler.Default),
            _ => udesk.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken(conversation.CustomerToken), stopping.Token).ContinueWith(t => AnswerOf(t.Result), TaskScheduler.Default),
        };
        answer.PipeTo(Self, success: a => new QuestionAnswered(call.Seq, a as UdeskResponse, a as UdeskError), failure: e => new QuestionAnswered(call.Seq, null, new UdeskError(UdeskErrorKind.Transport, e.Message)));
    }

    private static object? AnswerOf<T>(UdeskResult<T> result) where T : UdeskResponse => result.IsSuccess ? result.Value : result.Error;

    private void OnAttempted(Attempted attempted)
    {
        if (attempted.Attempt is CallAttempt.Answered answered)
        {
            if (UdeskQuestion.Before(current!.Call, answered.Outcome) is { } question)
            {
                asking = question;
                AskForPermit();
                return;
            }

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

        if (error.Code == UdeskCodes.InvalidSignature)
        {
            OnSignatureRefused(attempted.Seq, error);
        }

        if (error.MayHaveExecuted && SettledUnanswered(attempted.Seq, error.ToString()))
        {
            return;
        }

        RetryLater(attempted.Seq, error);
    }

    /// <summary>
    /// The current call may have been done without an answer (<paramref name="why"/>): true when that settles it
    /// (recorded as <see cref="UnansweredCalls"/> says); otherwise it is made again, after asking Udesk where that tells.
    /// </summary>
    private bool SettledUnanswered(long seq, string why)
    {
        switch (UnansweredCalls.Decide(current!.Call))
        {
            case UnansweredCalls.Next.Complete complete:
                log.Warning("Udesk call {0} of {1} may have been done without an answer ({2}); not safe to repeat, recorded as {3}", seq, conversation, why, complete.Outcome.GetType().Name);
                if (complete.Outcome is CallOutcome.Unconfirmed)
                {
                    OrchestratorMetrics.CallUnconfirmed(conversation.Tenant);
                }

                Complete(seq, complete.Outcome);
                return true;
            case UnansweredCalls.Next.AskQueueStatus:
                asking = new UdeskQuestion.QueueStatus();
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// At a hand-off, once no request is on its way to Udesk: a call that was answered has gone to the parent as
    /// usual; one still unsettled (waiting for a permit, a retry or a question) is left to the new owner.
    /// </summary>
    private void DrainedIfUnsettled()
    {
        if (!draining || current is null)
        {
            return;
        }

        current = null;
        Timers.Cancel(RetryTimer);
        Context.Parent.Tell(Drained.Instance);
    }

    private void OnAnswer(QuestionAnswered answered)
    {
        if (answered.Answer is null)
        {
            failures++;
            RetryLater(answered.Seq, answered.Error!);
            return;
        }

        switch (asking, answered.Answer)
        {
            case (UdeskQuestion.QueueStatus, QueueStatus queue) when UnansweredCalls.FromQueueStatus(queue.Status, queue.Count) is { } outcome:
                log.Info("Udesk call {0} of {1} went through without an answer; queue_status says '{2}'", answered.Seq, conversation, queue.Status);
                Complete(answered.Seq, outcome);
                break;
            case (UdeskQuestion.QueueStatus, _):
                // No trace of it at Udesk: safe to make again.
                asking = null;
                AskForPermit();
                break;
            case (UdeskQuestion.CustomerStatus gone, CustomerStatus status) when UdeskQuestion.StillInSession(status):
                // Udesk moved the customer to a session whose push has not arrived: the conversation holds the message for it.
                log.Info("Udesk refused call {0} of {1} as session gone while the customer is still in a session; holding it for the new session", answered.Seq, conversation);
                Context.Parent.Tell(new SessionMoved(answered.Seq, gone.Refusal));
                current = null;
                break;
            case (UdeskQuestion.CustomerStatus gone, _):
                Complete(answered.Seq, gone.Refusal);
                break;
        }
    }

    /// <summary>2059 is our signature, clock or nonce, never the call: retried signed afresh, loudly after a few.</summary>
    private void OnSignatureRefused(long seq, UdeskError error)
    {
        OrchestratorMetrics.SignatureRefused(conversation.Tenant);
        if (failures == runtime.Settings.SignatureAlertAfter)
        {
            log.Error("Udesk refused call {0} of {1} with 2059 {2} times in a row (check the API token, the e-mail and this node's clock); still retrying: {3}", seq, conversation, failures, error);
        }
    }

    private void RetryLater(long seq, UdeskError error)
    {
        // Udesk's own Retry-After, when it gave one, is the least the next attempt waits.
        var backoff = Backoff.Jittered(failures, runtime.Settings.RetryMinBackoff, runtime.Settings.RetryMaxBackoff, Spread, Random.Shared.NextDouble());
        var delay = error.RetryAfter is { } asked && asked > backoff ? asked : backoff;
        log.Info("Udesk call {0} of {1} failed ({2}); retrying in {3}", seq, conversation, error, delay);
        Timers.StartSingleTimer(RetryTimer, RetryNow.Instance, delay);
    }

    private void Complete(long seq, CallOutcome outcome)
    {
        completed = new ConversationCommands.CompleteCall(conversation, seq, outcome, (current?.Call as OutboundCall.SendMessage)?.ImSubSessionId);
        Context.Parent.Tell(completed);
        current = null;
    }

    /// <summary>Make this outbox call (ignored if it is already the one in hand).</summary>
    public sealed record Execute(PendingCall Call) : INoSerializationVerificationNeeded;

    /// <summary>The conversation is handing off: finish the request on its way to Udesk, start nothing new.</summary>
    public sealed class Drain : INoSerializationVerificationNeeded
    {
        public static readonly Drain Instance = new();
    }

    /// <summary>To the parent, at a hand-off: nothing is on its way to Udesk any more and the call in hand is unsettled.</summary>
    public sealed class Drained : INoSerializationVerificationNeeded
    {
        public static readonly Drained Instance = new();
    }

    /// <summary>Sent to the parent after a restart.</summary>
    public sealed class Ready : INoSerializationVerificationNeeded
    {
        public static readonly Ready Instance = new();
    }

    private sealed record Attempted(long Seq, CallAttempt Attempt) : INoSerializationVerificationNeeded;

    /// <summary>
    /// To the parent: Udesk refused the message at <paramref name="Seq"/> as "session gone" but still has the customer
    /// in a session, one the conversation has not heard of yet. Not an outcome: the message waits for that session.
    /// </summary>
    public sealed record SessionMoved(long Seq, CallOutcome.Refused Refusal) : INoSerializationVerificationNeeded;

    private sealed record QuestionAnswered(long Seq, UdeskResponse? Answer, UdeskError? Error) : INoSerializationVerificationNeeded;

    private sealed class RetryNow : INoSerializationVerificationNeeded
    {
        public static readonly RetryNow Instance = new();
    }
}
