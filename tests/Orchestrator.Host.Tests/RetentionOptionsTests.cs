using Microsoft.Extensions.Options;
using Orchestrator.Host.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>Retention settings are checked while the service is built: a bad one stops it, naming the key.</summary>
public sealed class RetentionOptionsTests
{
    private readonly string store = $"--Orchestrator:Store:ConnectionString=Data Source={Path.Combine(Path.GetTempPath(), "orchestrator-retention-tests", Guid.NewGuid().ToString("N"), "o.db")}";

    [Theory]
    [InlineData("--Orchestrator:Retention:ClosedAfter=-1.00:00:00", "Orchestrator:Retention:ClosedAfter must be a positive time span")]
    [InlineData("--Orchestrator:Retention:Interval=00:00:00.5", "Orchestrator:Retention:Interval must be at least 00:00:01")]
    [InlineData("--Orchestrator:Retention:BatchSize=0", "Orchestrator:Retention:BatchSize must be between 1 and 10000")]
    public async Task A_bad_retention_setting_stops_the_service_naming_the_key(string setting, string expected)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => OrchestratorApp.BuildAsync(["--demo", "--Orchestrator:Demo:SimulatorUrl=http://127.0.0.1:0", store, setting]));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }
}
