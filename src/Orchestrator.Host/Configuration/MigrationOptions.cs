using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Host.Configuration;

/// <summary>How the one-shot <c>migrate</c> and <c>retag</c> commands behave (<c>Orchestrator:Migration</c>).</summary>
public sealed class MigrationOptions
{
    public const string Section = "Orchestrator:Migration";

    /// <summary>
    /// How long <c>migrate</c> waits for the journal and snapshot store to confirm their tables before it gives up
    /// with a non-zero exit code (the plug-ins retry an unreachable database every second meanwhile).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many untagged events the re-tag writes per transaction (and reports progress after).</summary>
    [Range(1, 100_000)]
    public int RetagBatch { get; set; } = 1000;
}
