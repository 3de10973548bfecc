using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>A whole conversation through the real host with every log line captured at Debug: no configured secret in any.</summary>
public sealed class SecretLoggingTests(SecretLoggingTests.Host host) : IClassFixture<SecretLoggingTests.Host>
{
    private const string WebhookSecret = "webhook-secret-0123456789";

    [Fact]
    public async Task No_configured_secret_appears_in_any_log_line_of_a_conversation()
    {
        // Unique per run: with PostgreSQL the journal outlives the test run.
        var token = $"secret-logs-{Guid.NewGuid():N}";
        var customer = new PlatformApi(host.Http, token);
        var session = (long)(await host.WithAgent(token))["im_sub_session_id"]!;
        await PlatformApi.Accepted(customer.SendMessage("hello-1", "hello"));
        await host.Simulator.AgentReply(session, "Hello, how can I help?");
        await host.Simulator.Close(session, "normal");
        await customer.StateWhere(s => s.Str("state") == "closed", "closed by the agent");

        Assert.Contains(host.Logs.Lines, line => line.Contains($"/udesk/{OrchestratorInstance.Tenant}/push/redacted", StringComparison.Ordinal));
        foreach (var secret in host.Secrets)
        {
            Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    public sealed class Host : HostedUdesk
    {
        private static readonly string? Postgres = Environment.GetEnvironmentVariable("ORCHESTRATOR_TEST_POSTGRES");

        public CollectedLogs Logs { get; } = new();

        /// <summary>Every secret the service is configured with (the database password only when the tests have PostgreSQL).</summary>
        public IEnumerable<string> Secrets =>
        [
            OrchestratorInstance.ApiKey, OrchestratorInstance.PushSecret, Udesk.Options.ApiToken, Udesk.Options.StructuredMessageKey, WebhookSecret,
            .. Postgres is null ? [] : new[] { (string)new DbConnectionStringBuilder { ConnectionString = Postgres }["Password"] },
        ];

        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk)
        {
            var settings = new Dictionary<string, string?>(base.Settings(udesk))
            {
                // Nobody listens there: delivery fails and retries, so its failure logging is covered too.
                ["Orchestrator:Tenants:default:Webhook:Url"] = "http://127.0.0.1:9/hooks/orchestrator",
                ["Orchestrator:Tenants:default:Webhook:Secret"] = WebhookSecret,
            };
            if (Postgres is not null)
            {
                settings["Orchestrator:Store:Provider"] = "PostgreSql";
                settings["Orchestrator:Store:ConnectionString"] = Postgres;
            }

            return settings;
        }

        protected override void Configure(WebApplicationBuilder builder)
        {
            Logs.CaptureFrom(builder.Logging);
        }
    }
}
