using System.ComponentModel.DataAnnotations;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Actors;

/// <summary>How conversation actors behave (configuration section <c>Orchestrator:Conversations</c>).</summary>
public sealed class ConversationSettings
{
    /// <summary>Recent message ids remembered per direction for dedupe and idempotency.</summary>
    [Range(1, 100_000)]
    public int DedupeWindow { get; set; } = ConversationRules.DefaultDedupeWindow;

    /// <summary>A snapshot every this many events, so recovery replays at most that many.</summary>
    [Range(1, 1_000_000)]
    public int SnapshotEvery { get; set; } = 200;

    /// <summary>An idle conversation (nothing in its outbox) leaves memory after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan PassivateAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// An agent session's entry in the session index leaves memory after this long idle. It is needed only when a
    /// read receipt arrives and recovers from one event, so it need not stay as long as its conversation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan SessionIndexPassivateAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before retrying a Udesk call that hit transport trouble; doubles up to <see cref="RetryMaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryMinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before an answer Udesk keeps sending malformed is recorded as a refusal instead of retried forever.</summary>
    [Range(1, 1000)]
    public int MaxMalformedAnswers { get; set; } = 5;

    /// <summary>
    /// 2059 refusals (signature, time or nonce) of one call in a row before an error is logged. Such a call is never
    /// dropped: it keeps being retried, signed afresh, until the credentials or the clock are put right.
    /// </summary>
    [Range(1, 1000)]
    public int SignatureAlertAfter { get; set; } = 3;

    /// <summary>
    /// How often conversations whose outbox calls have waited longer than this are woken (after a crash nothing else
    /// would wake a conversation nobody writes to).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// While queued, how often Udesk's <c>queue_status</c> is asked (lowest priority of the company budget): keeps the
    /// position live and notices a customer Udesk dropped from its queue without a push.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A message Udesk refused as "session gone" while it still has the customer in a session (a transfer whose push
    /// is late) waits for the conversation to move; after this long it is sent again anyway, and Udesk asked again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MovedSessionRecheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// At a shard hand-off (rebalance, rolling update), how long a conversation waits for the Udesk call in flight to
    /// answer so its outcome is persisted before the conversation moves. Past it the conversation stops anyway and the
    /// new owner reconciles the call with Udesk before repeating it. Must stay below sharding's
    /// <c>akka.cluster.sharding.handoff-timeout</c> less 5 s (when the shard stops what is left by force), checked at
    /// start; the default also stays below the 5 s after which the shard warns that entities have not stopped, and
    /// well inside coordinated shutdown's 10 s for handing off a leaving node's shards.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HandOffDrainTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Shards of the conversation region (about 10 per node at the cluster's largest).</summary>
    [Range(1, 10_000)]
    public int Shards { get; set; } = 100;

    public ConversationRules Rules => new() { DedupeWindow = DedupeWindow };
}
