using Microsoft.Extensions.Options;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Api.Console;

/// <summary>The configured tenants: the console's routes answer for the one the operator names with <c>tenant=</c>.</summary>
public sealed class ConsoleTenants(IOptions<OrchestratorOptions> options)
{
    public IReadOnlyList<string> Names { get; } = [.. options.Value.Tenants.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A problem naming <c>tenant</c> unless it is a configured tenant.</summary>
    public IResult? Check(string? tenant) => tenant is not null && Names.Contains(tenant)
        ? null
        : Problems.Result(Problems.Invalid("tenant", $"tenant must be one of the configured tenants: {string.Join(", ", Names)}."));
}
