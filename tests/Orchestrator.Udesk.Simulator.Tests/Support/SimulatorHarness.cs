using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.DependencyInjection;
using Orchestrator.Udesk.Signing;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>
/// One simulator on loopback, the real <see cref="IUdeskClient"/> wired to it as Orchestrator wires it, a push
/// receiver it pushes to, and raw HTTP for requests written by hand (signed with the client's signing code).
/// </summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    private readonly ServiceProvider clientServices;

    private SimulatorHarness(UdeskSimulatorServer server, PushReceiver receiver, ServiceProvider clientServices)
    {
        Server = server;
        Receiver = receiver;
        this.clientServices = clientServices;
        Client = clientServices.GetRequiredService<IUdeskClient>();
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public UdeskSimulatorServer Server { get; }

    public PushReceiver Receiver { get; }

    public IUdeskClient Client { get; }

    public HttpClient Http { get; }

    public SimulatorOptions Options => Server.Options;

    /// <summary>Fast, repeatable settings: seed 42, short push back-off; <paramref name="configure"/> adjusts them.</summary>
    public static async Task<SimulatorHarness> StartAsync(Action<SimulatorOptions>? configure = null, Action<UdeskOptions>? client = null, TimeProvider? time = null)
    {
        var receiver = await PushReceiver.StartAsync();
        var options = new SimulatorOptions
        {
            Seed = 42,
            PushUrl = receiver.Url,
            PushTimeout = TimeSpan.FromSeconds(2),
            PushRetryBaseDelay = TimeSpan.FromMilliseconds(50),
            PushRetryMaxDelay = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        var server = await UdeskSimulatorServer.StartAsync(options, time ?? TimeProvider.System);
        var services = new ServiceCollection();
        services.AddUdeskClient(UdeskServiceCollectionExtensions.DefaultCompany, o =>
        {
            o.BaseUrl = server.OpenApiBaseUrl;
            o.Email = options.Email;
            o.ApiToken = options.ApiToken;
            o.StructuredMessageKey = options.StructuredMessageKey;
            o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
            client?.Invoke(o);
        });
        return new SimulatorHarness(server, receiver, services.BuildServiceProvider());
    }

    /// <summary>The v2 query parameters of one fresh request.</summary>
    public string SignedQuery(string? nonce = null, long? timestamp = null, string? token = null) =>
        string.Join('&', OpenApiSignature.QueryParameters(
                SignatureVersion.V2,
                Options.Email,
                token ?? Options.ApiToken,
                timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                nonce ?? Guid.NewGuid().ToString())
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>A raw Open API request to <paramref name="pathAndQuery"/> (relative to <c>open_api_v1/</c>), signed unless told otherwise.</summary>
    public async Task<RawAnswer> SendAsync(HttpMethod method, string pathAndQuery, string? json = null, string? query = null)
    {
        var separator = pathAndQuery.Contains('?') ? "&" : "?";
        using var request = new HttpRequestMessage(method, $"open_api_v1/{pathAndQuery}{separator}{query ?? SignedQuery()}");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new RawAnswer((int)response.StatusCode, body.Length == 0 ? null : Fixture.Parse(body), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>A control API call; answers the JSON it returned.</summary>
    public async Task<JsonNode?> ControlAsync(HttpMethod method, string path, object? body = null, int expectedStatus = 200)
    {
        using var request = new HttpRequestMessage(method, $"_sim/{path}") { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} _sim/{path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await clientServices.DisposeAsync();
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>A raw answer: HTTP status, the JSON body, and Retry-After if sent.</summary>
public sealed record RawAnswer(int Status, JsonNode? Json, TimeSpan? RetryAfter)
{
    public int? Code => Json?["code"]?.GetValue<int>();
}
