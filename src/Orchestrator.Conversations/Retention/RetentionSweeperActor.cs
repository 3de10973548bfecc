using Akka.Actor;
using Akka.Event;

namespace Orchestrator.Conversations.Retention;

/// <summary>
/// The retention job, a cluster singleton: every <see cref="RetentionOptions.Interval"/> it erases up to a batch of
/// conversations closed longer ago than <see cref="RetentionOptions.ClosedAfter"/>, one at a time, each through its
/// entity and into the ledger. A run that is still going when the next is due is not doubled.
/// </summary>
public sealed class RetentionSweeperActor : ReceiveActor, IWithTimers
{
    private const string SweepTimer = "retention";

    private readonly RetentionOptions options;
    private readonly RetentionCandidates candidates;
    private readonly CustomerErasure erasure;
    private readonly TimeProvider time;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private bool running;

    public RetentionSweeperActor(RetentionOptions options, RetentionCandidates candidates, CustomerErasure erasure, TimeProvider time)
    {
        this.options = options;
        this.candidates = candidates;
        this.erasure = erasure;
        this.time = time;
        Receive<Sweep>(_ => !running, _ => Run());
        Receive<Sweep>(_ => { });
        Receive<SweepDone>(done =>
        {
            running = false;
            log.Info("Retention run erased {0} of {1} candidate conversations closed before {2:O}", done.Erased, done.Candidates, done.Cutoff);
        });
        Receive<Status.Failure>(failed =>
        {
            running = false;
            log.Error(failed.Cause, "Retention run failed; the next one tries again");
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(RetentionOptions options, RetentionCandidates candidates, CustomerErasure erasure, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new RetentionSweeperActor(options, candidates, erasure, time));

    protected override void PreStart() => Timers.StartPeriodicTimer(SweepTimer, Sweep.Instance, options.Interval);

    private void Run()
    {
        running = true;
        RunAsync(time.GetUtcNow() - options.ClosedAfter!.Value).PipeTo(Self);
    }

    private async Task<SweepDone> RunAsync(DateTimeOffset cutoff)
    {
        var found = await candidates.FindAsync(cutoff, options.BatchSize);
        var erased = 0;
        foreach (var id in found)
        {
            if (await erasure.EraseAsync(id, ErasureReason.Retention, issuedBy: null, closedBefore: cutoff, CancellationToken.None) is ErasureOutcome.Erased)
            {
                erased++;
            }
        }

        return new SweepDone(found.Count, erased, cutoff);
    }

    private sealed class Sweep : INoSerializationVerificationNeeded
    {
        public static readonly Sweep Instance = new();
    }

    private sealed record SweepDone(int Candidates, int Erased, DateTimeOffset Cutoff) : INoSerializationVerificationNeeded;
}
