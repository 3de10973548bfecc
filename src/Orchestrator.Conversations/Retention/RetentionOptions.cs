using Microsoft.Extensions.Options;

namespace Orchestrator.Conversations.Retention;

/// <summary>How long closed conversations are kept (configuration section <c>Orchestrator:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Orchestrator:Retention";

    /// <summary>Erase conversations closed longer ago than this; unset (the default): keep them forever.</summary>
    public TimeSpan? ClosedAfter { get; set; }

    /// <summary>How often the retention job looks for conversations to erase.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many conversations are erased per run; the rest wait for the next.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long one erasure (the conversation's, then the ledger's record) may take before it counts as failed.</summary>
    public TimeSpan EraseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => ClosedAfter is not null;
}

/// <summary>Checks the retention settings at start, naming the offending key.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        if (options.ClosedAfter is { } closedAfter && closedAfter <= TimeSpan.Zero)
        {
            failures.Add($"{RetentionOptions.Section}:ClosedAfter must be a positive time span (e.g. 90.00:00:00 for 90 days), or unset to keep conversations; it is {closedAfter}.");
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{RetentionOptions.Section}:Interval must be at least 00:00:01; it is {options.Interval}.");
        }

        if (options.EraseTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{RetentionOptions.Section}:EraseTimeout must be at least 00:00:01; it is {options.EraseTimeout}.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{RetentionOptions.Section}:BatchSize must be between 1 and 10000; it is {options.BatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
