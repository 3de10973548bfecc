using System.Collections.Immutable;
using System.Security.Cryptography;
using static Orchestrator.Conversations.Quarantine.PushQuarantineMessages;

namespace Orchestrator.Conversations.Quarantine;

/// <summary>
/// The newest quarantined pushes of a tenant, for listing; every one stays in the journal. Pure: decide, then apply.
/// Also the snapshot format.
/// </summary>
public sealed record PushQuarantineState
{
    /// <summary>Entries kept in memory and listed; older ones are only in the journal.</summary>
    public const int Listed = 500;

    public long LastId { get; init; }

    /// <summary>Oldest first.</summary>
    public ImmutableList<QuarantinedPush> Entries { get; init; } = [];

    /// <summary>
    /// The event that keeps <paramref name="command"/>'s body, or none when the same body is listed already (a
    /// redelivery after our answer was lost); either way the id it is listed under.
    /// </summary>
    public (PushQuarantined? Kept, long Id) Decide(QuarantinePush command, DateTimeOffset now)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(command.Body));
        return Entries.Find(e => e.Digest == digest) is { } listed
            ? (null, listed.Id)
            : (new PushQuarantined(new QuarantinedPush(LastId + 1, now, command.Reason, command.ContentType, digest, command.Body)), LastId + 1);
    }

    public PushQuarantineState Apply(Event e) => e switch
    {
        PushQuarantined kept => this with
        {
            LastId = kept.Entry.Id,
            Entries = (Entries.Count >= Listed ? Entries.RemoveAt(0) : Entries).Add(kept.Entry),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown quarantine event."),
    };

    public IReadOnlyList<QuarantinedPush> Page(long after, int limit) => Entries.Where(e => e.Id > after).Take(limit).ToList();
}
