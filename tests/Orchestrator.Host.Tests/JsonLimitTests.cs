using System.Net;
using System.Text;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary>Platform bodies nested too deep or carrying overlong strings are refused before anything binds them.</summary>
public sealed class JsonLimitTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Fact]
    public async Task An_over_deep_body_is_400_naming_where_it_gets_too_deep()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"x\":", 40)) + "1" + new string('}', 40);
        var body = $"{{\"message_id\":\"deep-1\",\"type\":\"message\",\"data\":{nested}}}";

        var problem = await host.Http.PostAsync("v1/conversations/json-deep/messages", new StringContent(body, Encoding.UTF8, "application/json"))
            .ExpectProblem(HttpStatusCode.BadRequest, "data" + string.Concat(Enumerable.Repeat(".x", 31)));

        Assert.Contains("deeper than 32 levels", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Null(await new Orchestrator.EndToEnd.Tests.Support.PlatformApi(host.Http, "json-deep").State());
    }

    [Fact]
    public async Task An_overlong_string_is_400_naming_its_field()
    {
        var body = $"{{\"message_id\":\"long-1\",\"type\":\"message\",\"data\":{{\"content\":\"{new string('a', 64 * 1024 + 1)}\"}}}}";

        var problem = await host.Http.PostAsync("v1/conversations/json-long/messages", new StringContent(body, Encoding.UTF8, "application/json"))
            .ExpectProblem(HttpStatusCode.BadRequest, "data.content");

        Assert.Contains("longer than 65536 bytes", problem.Str("detail"), StringComparison.Ordinal);
    }
}
