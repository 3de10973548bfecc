using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using Akka.Util;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Retention;
using Orchestrator.Conversations.Sessions;
using Orchestrator.Conversations.Telemetry;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Actors;

/// <summary>
/// One conversation. It decides with <see cref="ConversationDecider"/>, persists what was decided, replies, and
/// hands outbox calls to its <see cref="UdeskGateway"/> and previews to its <see cref="PreviewThrottle"/>.
/// </summary>
public sealed class ConversationActor : UntypedPersistentActor, IWithTimers
{
    private readonly ConversationId id;
    private readonly ConversationRuntime runtime;
    private ConversationState state;
    private IActorRef? gateway;
    private IActorRef? previews;
    private IActorRef? queueWatcher;
    private bool recovered;
    private long? inFlight;
    private HeldMessage? held;
    private long nextSnapshotAt;
    private int gateways;
    private bool handingOff;
    private bool savingSnapshot;
    private PendingErasure? erasure;

    public ConversationActor(ConversationId id, ConversationRuntime runtime)
    {
        this.id = id;
        this.runtime = runtime;
        state = ConversationState.Initial(runtime.Settings.Rules);
        nextSnapshotAt = FirstSnapshotAt(id, runtime.Settings.SnapshotEvery);
    }

    // A switch rather than Receive<T> handlers: those are objects built per actor, and a node holds many conversations.
    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer offer:
                state = Resized((ConversationState)offer.Snapshot);
                nextSnapshotAt = offer.Metadata.SequenceNr + runtime.Settings.SnapshotEvery;
                break;
            case Event e:
                state = state.Apply(e);
                break;
            case RecoveryCompleted:
                // An erased conversation starts fresh, numbered on from its erased history (JournalEraser keeps the number).
                state = state.Seq < LastSequenceNr ? state with { Seq = LastSequenceNr } : state;
                Started();
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Command command and not CompleteCall when handingOff:
                ForwardToNewOwner(command);
                break;
            case Command when erasure is not null:
                // Decided on the state that follows the erasure.
                Stash.Stash();
                break;
            case WakeOutbox:
                RedispatchOutboxHead();
                break;
            case EraseConversation erase:
                BeginErasure(erase);
                break;
            case ErasureDone done:
                EndErasure(done.Rows);
                break;
            case ErasureFailed failed:
                FailErasure(failed.Cause);
                break;
            case Command command:
                Handle(command);
                break;
            case StopForHandOff:
                HandOff();
                break;
            case UdeskGateway.Drained or HandOffDeadline when handingOff:
                StopAfterHandOff(message is HandOffDeadline);
                break;
            case UdeskGateway.SessionMoved when handingOff:
                // Not an outcome: nothing to persist, the new owner sends the message again (Udesk drops a repeated message_id).
                StopAfterHandOff(timedOut: false);
                break;
            case UdeskGateway.Ready:
                inFlight = null;
                DispatchOutbox();
                break;
            case UdeskGateway.SessionMoved moved when moved.Seq == inFlight:
                HoldForMovedSession(moved);
                break;
            case RecheckHeld when held is not null:
                ReleaseHeld();
                break;
            case SaveSnapshotSuccess saved:
                SnapshotSettled();
                DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1));
                break;
            case SaveSnapshotFailure failed:
                SnapshotSettled();
                Log.Warning("Snapshot of {0} at {1} failed: {2}", id, failed.Metadata.SequenceNr, failed.Cause.Message);
                break;
            case DeleteSnapshotsSuccess:
                break;
            case DeleteSnapshotsFailure failed:
                Log.Warning("Deleting old snapshots of {0} failed: {1}", id, failed.Cause.Message);
                break;
            case ReceiveTimeout:
                PassivateIfIdle();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    public override string PersistenceId => id.PersistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    // Children start on first use: most conversations in memory at any time are idle, and each child costs memory.
    // A stopped gateway's name stays taken until it has terminated, so each one gets its own.
    private IActorRef Gateway => gateway ??= Context.ActorOf(UdeskGateway.Props(id, runtime), $"udesk-gateway-{++gateways}");

    private IActorRef Previews => previews ??= Context.ActorOf(PreviewThrottle.Props(id, runtime), "previews");

    public static Props Props(ConversationId id, ConversationRuntime runtime) =>
        Akka.Actor.Props.Create(() => new ConversationActor(id, runtime));

    private void Started()
    {
        recovered = true;
        Context.SetReceiveTimeout(runtime.Settings.PassivateAfter);
        if (state.Status == ConversationStatus.Agent)
        {
            // In case the last registration was lost with the node: the index ignores one it already has.
            IndexCurrentSession();
        }

        DispatchOutbox();
        WatchQueueWhileQueued();
    }

    /// <summary>A queued conversation keeps asking Udesk where it stands; any other leaves Udesk's budget alone.</summary>
    private void WatchQueueWhileQueued()
    {
        if (state.Status == ConversationStatus.Queued && queueWatcher is null)
        {
            queueWatcher = Context.ActorOf(QueueWatcher.Props(id, runtime));
        }
        else if (state.Status != ConversationStatus.Queued && queueWatcher is not null)
        {
            Context.Stop(queueWatcher);
            queueWatcher = null;
        }
    }

    /// <summary>Udesk's read-status pushes name only the session; the index routes them here.</summary>
    private void IndexCurrentSession()
    {
        if (state.ImSubSessionId is { } session)
        {
            runtime.SessionIndex.Tell(new SessionIndexMessages.RecordOwner(id.Tenant, session.Value, id));
        }
    }

    private void Handle(Command command)
    {
        Decision decision;
        try
        {
            decision = ConversationDecider.Decide(state, command, runtime.Time.GetUtcNow());
        }
        catch (Exception e)
        {
            // Poison input: refused and logged, never retried into a crash loop.
            Log.Error(e, "Conversation {0} could not decide {1}", id, command.GetType().Name);
            decision = Decision.Reject(RejectionReason.Invalid, $"The command could not be processed: {e.Message}");
        }

        var replyTo = command is CompleteCall ? ActorRefs.Nobody : Sender;
        if (command is SendPreview preview && decision.Reply is Accepted)
        {
            Previews.Tell(new PreviewThrottle.Preview(state.ImSubSessionId!.Value.Value, preview.Content));
        }

        if (decision.Events.Count == 0)
        {
            replyTo.Tell(decision.Reply);
            return;
        }

        var last = decision.Events[^1];
        // Wrapped for the journal's tag adapter (ConversationTagAdapter), which stores the event tagged by tenant.
        PersistAll(decision.Events.Select(e => new TenantEvent(id.Tenant, e)), written =>
        {
            var persisted = written.Event;
            state = state.Apply(persisted);
            if (persisted is AgentSessionStarted or SessionTransferred)
            {
                IndexCurrentSession();
            }

            if (persisted is UnreadableMessageReceived)
            {
                OrchestratorMetrics.UnreadableMessage(id.Tenant);
            }

            if (persisted is UdeskCallCompleted completed && completed.CallSeq == inFlight)
            {
                inFlight = null;
            }

            if (held is { } waiting && (state.Status != ConversationStatus.Agent || state.ImSubSessionId != waiting.Session))
            {
                // The session it was waiting for showed up (or the conversation left the agent session): its turn again.
                ReleaseHeld();
            }

            if (!ReferenceEquals(persisted, last))
            {
                return;
            }

            replyTo.Tell(decision.Reply);
            SnapshotIfDue();
            DispatchOutbox();
            WatchQueueWhileQueued();
        });
    }

    /// <summary>Hands the oldest outbox call to the gateway, one at a time, so calls reach Udesk in order.</summary>
    private void DispatchOutbox()
    {
        if (handingOff)
        {
            // The call in flight has its outcome persisted: the rest of the outbox is the new owner's.
            if (inFlight is null)
            {
                StopAfterHandOff(timedOut: false);
            }

            return;
        }

        if (state.Outbox.IsEmpty && inFlight is null && gateway is not null)
        {
            // Nothing left to send: the gateway's memory (about 2.5 KB) goes until the next call.
            Context.Stop(gateway);
            gateway = null;
        }

        if (inFlight is not null || state.Outbox.IsEmpty || !recovered)
        {
            return;
        }

        var head = state.Outbox[0];
        inFlight = head.Seq;
        switch (OutboxDispatch.Prepare(state, head))
        {
            case OutboxDispatch.Step.Complete complete:
                Self.Tell(new CompleteCall(id, head.Seq, complete.Outcome));
                return;
            case OutboxDispatch.Step.Send send:
                head = send.Call;
                break;
        }

        if (OutboxDispatch.StartOf(state, head, runtime.Time.GetUtcNow()) is { } started)
        {
            // Written before the call, so a later incarnation knows it may have been made.
            var call = head;
            Persist(new TenantEvent(id.Tenant, started), written =>
            {
                state = state.Apply(written.Event);
                Gateway.Tell(new UdeskGateway.Execute(call));
            });
            return;
        }

        Gateway.Tell(new UdeskGateway.Execute(head));
    }

    /// <summary>
    /// The sweeper saw the outbox wait too long. The head goes to the gateway again: one that has it in hand keeps it
    /// (and asks again for a permit it still awaits), one that answered it says so again, one that lost it makes it.
    /// Without this a running conversation whose gateway never heard back from the budget stayed stuck: it had calls,
    /// so it never passivated, and it dispatched only on start, after persisting, or on its gateway's restart.
    /// A message held for a moved session waits for its own recheck instead.
    /// </summary>
    private void RedispatchOutboxHead()
    {
        if (held is null)
        {
            inFlight = null;
            DispatchOutbox();
        }
    }

    /// <summary>
    /// Sharding hands this conversation to another node: no new call starts, the one in flight is let finish (its
    /// outcome persisted as usual) for at most <see cref="ConversationSettings.HandOffDrainTimeout"/>, then it stops.
    /// </summary>
    private void HandOff()
    {
        if (handingOff)
        {
            return;
        }

        handingOff = true;
        Context.SetReceiveTimeout(null);
        if (inFlight is null || held is not null || gateway is null)
        {
            // Nothing on its way to Udesk (a held message waits, a settled call's completion is recomputed by the new owner).
            StopAfterHandOff(timedOut: false);
            return;
        }

        Log.Info("Conversation {0} hands off with Udesk call {1} in flight; waiting up to {2} for its answer", id, inFlight, runtime.Settings.HandOffDrainTimeout);
        gateway.Tell(UdeskGateway.Drain.Instance);
        Timers.StartSingleTimer(HandOffDeadline.Instance, HandOffDeadline.Instance, runtime.Settings.HandOffDrainTimeout);
    }

    private void StopAfterHandOff(bool timedOut)
    {
        if (timedOut)
        {
            Log.Warning(
                "Conversation {0} hands off with Udesk call {1} still unanswered after {2}; the new owner reconciles it with Udesk before repeating it",
                id, inFlight, runtime.Settings.HandOffDrainTimeout);
        }

        Context.Stop(Self);
    }

    /// <summary>
    /// A command that reached this conversation after sharding's stop. Sharding itself delivers nothing after it, so
    /// this is rare; the region buffers it until the new owner has started, which answers it.
    /// </summary>
    private void ForwardToNewOwner(Command command)
    {
        if (ActorRegistry.For(Context.System).TryGet<ConversationRegion>(out var region))
        {
            region.Forward(command);
        }
        else
        {
            Log.Error("Conversation {0} is handing off and has no shard region to pass {1} to; its sender's ask times out and it retries", id, command.GetType().Name);
        }
    }

    /// <summary>
    /// Udesk refused the head message as "session gone" yet still has the customer in a session: a transfer or
    /// redirect whose push has not arrived. The message (and all behind it) waits for that session instead of
    /// closing the conversation; it is sent again once the conversation moves, or after a while to ask again.
    /// </summary>
    private void HoldForMovedSession(UdeskGateway.SessionMoved moved)
    {
        var sentTo = (state.Outbox.FirstOrDefault(p => p.Seq == moved.Seq)?.Call as OutboundCall.SendMessage)?.ImSubSessionId;
        switch (state)
        {
            case { Status: ConversationStatus.Agent, ImSubSessionId: { } session } when sentTo == session.Value:
                held = new HeldMessage(moved.Seq, session);
                Timers.StartSingleTimer(RecheckHeld.Instance, RecheckHeld.Instance, runtime.Settings.MovedSessionRecheck);
                break;
            case { Status: ConversationStatus.Agent }:
                // The conversation has moved to the new session meanwhile: the message goes there now.
                inFlight = null;
                DispatchOutbox();
                break;
            default:
                // The conversation left the agent session meanwhile (closed, …): the message stays refused.
                Self.Tell(new CompleteCall(id, moved.Seq, moved.Refusal, sentTo));
                break;
        }
    }

    private void ReleaseHeld()
    {
        held = null;
        Timers.Cancel(RecheckHeld.Instance);
        inFlight = null;
        DispatchOutbox();
    }

    private void SnapshotIfDue()
    {
        if (state.Seq >= nextSnapshotAt)
        {
            nextSnapshotAt = state.Seq + runtime.Settings.SnapshotEvery;
            savingSnapshot = true;
            SaveSnapshot(state);
        }
    }

    /// <summary>
    /// Somewhere in the second half of the first interval, fixed per conversation: conversations that started
    /// together (a campaign, a load test) would otherwise all write their snapshots in the same moment.
    /// </summary>
    private static long FirstSnapshotAt(ConversationId id, int every) =>
        every - (long)((uint)MurmurHash.StringHash(id.PersistenceId) % (uint)Math.Max(1, every / 2));

    private void PassivateIfIdle()
    {
        // A conversation with calls still to make stays awake until Udesk has them; one handing off is stopping anyway.
        if (state.Outbox.IsEmpty && !handingOff)
        {
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }

    /// <summary>
    /// Erasure runs once the decider allows it, and never beside a snapshot write that could land after it; commands
    /// that arrive meanwhile wait for it.
    /// </summary>
    private void BeginErasure(EraseConversation erase)
    {
        var decision = ConversationDecider.Decide(state, erase, runtime.Time.GetUtcNow());
        if (decision.Reply is not Accepted || runtime.Eraser is null)
        {
            Sender.Tell(runtime.Eraser is null ? new Rejected(RejectionReason.Conflict, "Erasure is not available on this node (no store eraser).") : decision.Reply);
            return;
        }

        erasure = new PendingErasure(erase, Sender);
        if (!savingSnapshot)
        {
            RunErasure();
        }
    }

    private void SnapshotSettled()
    {
        savingSnapshot = false;
        if (erasure is { Started: false })
        {
            RunErasure();
        }
    }

    private void RunErasure()
    {
        erasure = erasure! with { Started = true };
        runtime.Eraser!.EraseAsync(PersistenceId, keepSequence: true)
            .PipeTo(Self, success: rows => new ErasureDone(rows), failure: e => new ErasureFailed(e));
    }

    private void EndErasure(ErasedRows rows)
    {
        var sessions = state.PreviousSessionIds.Select(s => s.Value).Concat(state.ImSubSessionId is { } current ? [current.Value] : []).Distinct().ToList();
        foreach (var session in sessions)
        {
            runtime.SessionIndex.Tell(new SessionIndexMessages.ForgetOwner(id.Tenant, session, id));
        }

        Log.Info(
            "Conversation {0} erased ({1}, issued by {2}): {3} events, {4} snapshots, {5} agent sessions forgotten",
            [id, erasure!.Command.Reason, erasure.Command.IssuedBy ?? "the service", rows.Events, rows.Snapshots, sessions.Count]);
        erasure.ReplyTo.Tell(new ConversationErased(rows.Events, rows.Snapshots, sessions));
        state = ConversationState.Initial(runtime.Settings.Rules) with { Seq = LastSequenceNr };
        erasure = null;
        Stash.UnstashAll();
        Context.Parent.Tell(new Passivate(PoisonPill.Instance));
    }

    private void FailErasure(Exception cause)
    {
        Log.Error(cause, "Erasing conversation {0} failed; nothing was erased", id);
        erasure!.ReplyTo.Tell(new Rejected(RejectionReason.Conflict, $"The erasure failed and nothing was erased: {cause.Message}"));
        erasure = null;
        Stash.UnstashAll();
    }

    private ConversationState Resized(ConversationState snapshot) => snapshot with
    {
        SeenPushIds = snapshot.SeenPushIds.Capacity == runtime.Settings.DedupeWindow ? snapshot.SeenPushIds : snapshot.SeenPushIds.WithCapacity(runtime.Settings.DedupeWindow),
        AcceptedMessageIds = snapshot.AcceptedMessageIds.Capacity == runtime.Settings.DedupeWindow ? snapshot.AcceptedMessageIds : snapshot.AcceptedMessageIds.WithCapacity(runtime.Settings.DedupeWindow),
    };

    private sealed record HeldMessage(long Seq, SessionId Session);

    private sealed record PendingErasure(EraseConversation Command, IActorRef ReplyTo, bool Started = false);

    private sealed record ErasureDone(ErasedRows Rows) : INoSerializationVerificationNeeded;

    private sealed record ErasureFailed(Exception Cause) : INoSerializationVerificationNeeded;

    private sealed class RecheckHeld : INoSerializationVerificationNeeded
    {
        public static readonly RecheckHeld Instance = new();
    }

    private sealed class HandOffDeadline : INoSerializationVerificationNeeded
    {
        public static readonly HandOffDeadline Instance = new();
    }
}
