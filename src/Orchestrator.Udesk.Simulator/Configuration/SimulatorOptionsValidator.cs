using Microsoft.Extensions.Options;

namespace Orchestrator.Udesk.Simulator.Configuration;

/// <summary>Checks the options at start and names every setting that is wrong, as <c>Simulator:Path</c>.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    private static readonly string[] Statuses = ["online", "busy", "offline"];

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        void Require(bool condition, string setting, string problem)
        {
            if (!condition)
            {
                failures.Add($"Simulator:{setting} {problem}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.Email), "Email", "is required.");
        Require(!string.IsNullOrWhiteSpace(options.ApiToken), "ApiToken", "is required.");
        Require(!string.IsNullOrWhiteSpace(options.StructuredMessageKey), "StructuredMessageKey", "is required.");
        Require(options.CompanyCallsPerMinute >= 1, "CompanyCallsPerMinute", $"must be at least 1 (was {options.CompanyCallsPerMinute}).");
        Require(options.PreviewsPerSecond >= 1, "PreviewsPerSecond", $"must be at least 1 (was {options.PreviewsPerSecond}).");
        Require(options.StructuredMessageInterval > TimeSpan.Zero, "StructuredMessageInterval", "must be positive.");
        Require(options.MaxClockSkew > TimeSpan.Zero, "MaxClockSkew", "must be positive.");
        Require(options.NonceWindow > TimeSpan.Zero, "NonceWindow", "must be positive.");
        Require(options.PushUrl is null || (options.PushUrl.IsAbsoluteUri && options.PushUrl.Scheme is "http" or "https"),
            "PushUrl", "must be an absolute http(s) URL.");
        Require(options.PushTimeout > TimeSpan.Zero, "PushTimeout", "must be positive.");
        Require(options.PushMaxAttempts >= 1, "PushMaxAttempts", $"must be at least 1 (was {options.PushMaxAttempts}).");
        Require(options.PushRetryBaseDelay >= TimeSpan.Zero, "PushRetryBaseDelay", "must not be negative.");
        Require(options.PushRetryMaxDelay >= options.PushRetryBaseDelay, "PushRetryMaxDelay", "must not be less than PushRetryBaseDelay.");
        Require(options.PushTimeoutsBeforePause >= 1, "PushTimeoutsBeforePause", "must be at least 1.");
        Require(options.PushTimeoutWindow > TimeSpan.Zero, "PushTimeoutWindow", "must be positive.");
        Require(options.PushPauseDuration >= TimeSpan.Zero, "PushPauseDuration", "must not be negative.");
        Require(options.LogCapacity >= 1, "LogCapacity", "must be at least 1.");
        ValidateFaults(options.Faults, Require);
        ValidateQuirks(options.Quirks, Require);
        ValidateWorld(options.World, Require);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The same checks for fault knobs changed at run time; null when they are fine.</summary>
    public static string? Problem(FaultOptions faults) => Problems(require => ValidateFaults(faults, require));

    /// <summary>The same checks for quirk knobs changed at run time; null when they are fine.</summary>
    public static string? Problem(QuirkOptions quirks) => Problems(require => ValidateQuirks(quirks, require));

    private static string? Problems(Action<Action<bool, string, string>> validate)
    {
        var failures = new List<string>();
        validate((ok, setting, problem) =>
        {
            if (!ok)
            {
                failures.Add($"{setting} {problem}");
            }
        });
        return failures.Count == 0 ? null : string.Join(" ", failures);
    }

    private static void ValidateFaults(FaultOptions faults, Action<bool, string, string> require)
    {
        foreach (var (rate, setting) in new[]
                 {
                     (faults.DuplicateRate, "DuplicateRate"), (faults.ReorderRate, "ReorderRate"),
                     (faults.ApiErrorRate, "ApiErrorRate"), (faults.ApiTimeoutRate, "ApiTimeoutRate"),
                     (faults.ApiErrorAfterHandlingRate, "ApiErrorAfterHandlingRate"), (faults.ApiTimeoutAfterHandlingRate, "ApiTimeoutAfterHandlingRate"),
                     (faults.AssignmentInProgressRate, "AssignmentInProgressRate"),
                 })
        {
            RequireRate(require, rate, $"Faults:{setting}");
        }

        require(faults.PushDelay >= TimeSpan.Zero, "Faults:PushDelay", "must not be negative.");
        require(faults.ReorderHold >= TimeSpan.Zero, "Faults:ReorderHold", "must not be negative.");
        require(faults.ApiTimeoutDelay >= TimeSpan.Zero, "Faults:ApiTimeoutDelay", "must not be negative.");
        require(faults.ApiAnswerDelay >= TimeSpan.Zero, "Faults:ApiAnswerDelay", "must not be negative.");
        require(faults.ApiErrorStatus is >= 500 and <= 599, "Faults:ApiErrorStatus", $"must be an HTTP 5xx status (was {faults.ApiErrorStatus}).");
    }

    private static void ValidateQuirks(QuirkOptions quirks, Action<bool, string, string> require)
    {
        foreach (var (rate, setting) in new[]
                 {
                     (quirks.OddShapesRate, "OddShapesRate"), (quirks.SplitBatchRate, "SplitBatchRate"), (quirks.LateTransferRate, "LateTransferRate"),
                     (quirks.RedirectCloseOnTransferRate, "RedirectCloseOnTransferRate"), (quirks.SignatureRefusalRate, "SignatureRefusalRate"),
                     (quirks.SessionClosedSilentlyRate, "SessionClosedSilentlyRate"), (quirks.QueueDropRate, "QueueDropRate"),
                 })
        {
            RequireRate(require, rate, $"Quirks:{setting}");
        }
    }

    private static void RequireRate(Action<bool, string, string> require, double rate, string setting) =>
        require(rate is >= 0 and <= 1, setting, $"must be between 0 and 1 (was {rate}).");

    private static void ValidateWorld(WorldOptions world, Action<bool, string, string> require)
    {
        var groupIds = world.Groups.Select(g => g.Id).ToHashSet();
        require(groupIds.Count == world.Groups.Count, "World:Groups", "must have distinct ids.");
        require(world.Agents.Select(a => a.Id).Distinct().Count() == world.Agents.Count, "World:Agents", "must have distinct ids.");
        for (var i = 0; i < world.Agents.Count; i++)
        {
            var agent = world.Agents[i];
            require(agent.Id > 0, $"World:Agents:{i}:Id", "must be positive.");
            require(!string.IsNullOrWhiteSpace(agent.Name), $"World:Agents:{i}:Name", "is required.");
            require(Statuses.Contains(agent.Status), $"World:Agents:{i}:Status", $"must be online, busy or offline (was '{agent.Status}').");
            require(agent.Capacity >= 0, $"World:Agents:{i}:Capacity", "must not be negative.");
            foreach (var group in agent.GroupIds.Where(g => !groupIds.Contains(g)))
            {
                require(false, $"World:Agents:{i}:GroupIds", $"names group {group}, which World:Groups does not define.");
            }
        }

        require(world.Urobots.Select(u => u.Id).Distinct().Count() == world.Urobots.Count, "World:Urobots", "must have distinct ids.");
        for (var i = 0; i < world.Urobots.Count; i++)
        {
            require(world.Urobots[i].Scenes.Count > 0, $"World:Urobots:{i}:Scenes", "must name at least one scene.");
        }
    }
}
