using Akka.Actor;
using Microsoft.Extensions.Options;

namespace Orchestrator.Host.Configuration;

/// <summary>Checks of <see cref="ClusterSettings"/> across keys, naming the key.</summary>
internal sealed class ClusterSettingsValidator : IValidateOptions<ClusterSettings>
{
    public ValidateOptionsResult Validate(string? name, ClusterSettings options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.SeedNodes.Count; i++)
        {
            if (!Address.TryParse(options.SeedNodes[i], out _))
            {
                failures.Add($"{ClusterSettings.Section}:SeedNodes:{i}: '{options.SeedNodes[i]}' is not an Akka address like akka.tcp://orchestrator@host:4053.");
            }
        }

        if (options.FormationLeaseTtl < 3 * options.FormationCheckInterval)
        {
            failures.Add($"{ClusterSettings.Section}:FormationLeaseTtl must be at least three FormationCheckIntervals ({3 * options.FormationCheckInterval}): "
                + "a live cluster that misses one renewal must not look gone.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
