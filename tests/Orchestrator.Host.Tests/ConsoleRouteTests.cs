using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>
/// The operations console's routes with an operator key: the page loads without it, every data route needs it (a
/// platform key is not it), bad input is a problem naming the field, and the routes have their own OpenAPI document.
/// The console in a browser is <c>Orchestrator.EndToEnd.Tests.Console.ConsoleBrowserTests</c>.
/// </summary>
public sealed class ConsoleRouteTests(ConsoleRouteTests.Host host) : IClassFixture<ConsoleRouteTests.Host>
{
    private const string Key = "console-operator-key-0123456789";

    public static TheoryData<string, string> DataRoutes() => new()
    {
        { "GET", "console/api/tenants" },
        { "GET", "console/api/overview?tenant=default" },
        { "GET", "console/api/conversations?tenant=default&token=a" },
        { "GET", "console/api/conversations/a/timeline?tenant=default" },
        { "GET", "console/api/dead-letters?tenant=default" },
        { "POST", "console/api/dead-letters/1/replay?tenant=default" },
        { "GET", "console/api/budget?tenant=default" },
        { "GET", "console/api/cluster" },
    };

    [Theory]
    [InlineData("console", "text/html")]
    [InlineData("console/console.js", "text/javascript")]
    [InlineData("console/console.css", "text/css")]
    public async Task The_page_and_its_assets_load_without_a_key(string path, string mediaType)
    {
        using var http = Client(key: null);

        using var response = await http.GetAsync(path);

        Assert.Equal((HttpStatusCode.OK, mediaType), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(DataRoutes))]
    public async Task Every_data_route_needs_the_operator_key_not_a_platform_key(string method, string path)
    {
        using var anonymous = Client(key: null);
        using var platform = Client(OrchestratorInstance.ApiKey);

        var problem = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).ExpectProblem(HttpStatusCode.Unauthorized);
        await platform.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).ExpectProblem(HttpStatusCode.Unauthorized);

        Assert.Contains("Orchestrator:Management:Key", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_key_the_overview_counts_a_conversation_created_through_the_platform_api()
    {
        using var http = Client(Key);
        var token = $"console-{Guid.NewGuid():N}";
        await host.Http.PostAsync($"v1/conversations/{token}/session", JsonContent(new JsonObject { ["assign_type"] = "robot" })).Expect(HttpStatusCode.Accepted);

        var found = await Eventually.Until(
            () => http.GetAsync($"console/api/conversations?tenant=default&token={token}").Expect(HttpStatusCode.OK),
            body => body["conversations"]!.AsArray().Count == 1 && body["conversations"]![0].Str("state") == "robot",
            "the conversation in the overview, in a robot session");
        var overview = await http.GetAsync("console/api/overview?tenant=default").Expect(HttpStatusCode.OK);
        var tenants = await http.GetAsync("console/api/tenants").Expect(HttpStatusCode.OK);

        Assert.Equal(token, found["conversations"]![0].Str("customer_token"));
        Assert.True(overview["by_state"]!["robot"]!.GetValue<int>() >= 1, overview.ToJsonString());
        Assert.Equal(["default"], tenants["tenants"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task The_budget_reads_the_tenants_window_and_the_cluster_names_where_the_singletons_run()
    {
        using var http = Client(Key);

        var budget = await http.GetAsync("console/api/budget?tenant=default").Expect(HttpStatusCode.OK);
        var cluster = await Eventually.Until(
            () => http.GetAsync("console/api/cluster").Expect(HttpStatusCode.OK), c => c["cluster"].Str("oldest") != "", "an Up member");

        Assert.Equal(("default", "10000"), (budget.Str("tenant"), budget.Str("calls_per_window")));
        var oldest = cluster["cluster"].Str("oldest");
        Assert.Equal(
            ["udesk-call-budget", "outbox-sweeper"],
            cluster["singletons"]!.AsArray().Select(s => s.Str("name")));
        Assert.All(cluster["singletons"]!.AsArray(), s => Assert.Equal(oldest, s.Str("node")));
    }

    [Theory]
    [InlineData("GET", "console/api/overview", "tenant")]
    [InlineData("GET", "console/api/overview?tenant=nobody", "tenant")]
    [InlineData("GET", "console/api/conversations?tenant=default", "token")]
    [InlineData("GET", "console/api/budget?tenant=", "tenant")]
    [InlineData("GET", "console/api/dead-letters?tenant=default&limit=0", "limit")]
    [InlineData("POST", "console/api/dead-letters/zero/replay?tenant=default", "id")]
    [InlineData("GET", "console/api/conversations/a/timeline", "tenant")]
    public async Task Bad_input_is_a_problem_naming_the_field(string method, string path, string field)
    {
        using var http = Client(Key);

        await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).ExpectProblem(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_timeline_of_an_unknown_conversation_is_not_found()
    {
        using var http = Client(Key);

        await http.GetAsync($"console/api/conversations/nobody-{Guid.NewGuid():N}/timeline?tenant=default").ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_console_routes_have_their_own_openapi_document_with_response_schemas_and_stay_out_of_the_platforms()
    {
        using var http = Client(Key);

        var console = await http.GetAsync("openapi/console.json").Expect(HttpStatusCode.OK);
        var platform = await http.GetAsync("openapi/v1.json").Expect(HttpStatusCode.OK);

        var paths = console["paths"]!.AsObject();
        Assert.Equal(8, paths.Sum(p => p.Value!.AsObject().Count));
        Assert.All(paths.Select(p => p.Key), path => Assert.StartsWith("/console/api/", path, StringComparison.Ordinal));
        Assert.NotNull(paths["/console/api/overview"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
        Assert.DoesNotContain(platform["paths"]!.AsObject(), p => p.Key.StartsWith("/console", StringComparison.Ordinal));
    }

    private HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = host.Orchestrator.Address };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public sealed class Host : HostedUdesk
    {
        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>(base.Settings(udesk))
        {
            ["Orchestrator:Management:Key"] = Key,
        };
    }
}

/// <summary>Without an operator key there is no console: the page says which setting it needs, the data routes do not exist.</summary>
public sealed class ConsoleWithoutKeyTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Fact]
    public async Task The_page_names_the_setting_and_the_data_routes_are_not_found()
    {
        using var http = new HttpClient { BaseAddress = host.Orchestrator.Address };

        var problem = await http.GetAsync("console").ExpectProblem(HttpStatusCode.Forbidden);
        using var data = await http.GetAsync("console/api/tenants");

        Assert.Contains("Orchestrator:Management:Key", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
    }
}
