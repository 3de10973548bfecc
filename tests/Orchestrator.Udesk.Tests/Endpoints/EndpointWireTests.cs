using System.Text.Json.Nodes;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Signing;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Endpoints;

public sealed class EndpointWireTests
{
    private static readonly HashSet<string> Credentials = ["email", "timestamp", "nonce", "sign_version", "sign"];

    [Theory]
    [MemberData(nameof(EndpointCatalogue.Names), MemberType = typeof(EndpointCatalogue))]
    public async Task Each_endpoint_sends_the_spec_request_and_reads_the_answer(string name)
    {
        var endpoint = EndpointCatalogue.Named(name);
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(endpoint.Answer);

        var result = await endpoint.Call(harness.Client);

        Assert.True((bool)result.GetType().GetProperty(nameof(UdeskResult<object>.IsSuccess))!.GetValue(result)!, result.ToString());
        var request = harness.Single;
        Assert.Equal(endpoint.Method, request.Method.Method);
        Assert.Equal(endpoint.Path, request.Path);

        var query = request.Query;
        var expectedQuery = endpoint.Query ?? new Dictionary<string, string>();
        var actualQuery = query.AllKeys.Where(k => !Credentials.Contains(k!)).ToDictionary(k => k!, k => query[k]!);
        Assert.Equal(expectedQuery.OrderBy(p => p.Key), actualQuery.OrderBy(p => p.Key));

        if (endpoint.Body is null)
        {
            Assert.Null(request.Body);
        }
        else
        {
            Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(endpoint.Body), request.Json), $"body was {request.Body}");
        }

        AssertAuthenticated(name, request);
    }

    [Fact]
    public async Task The_catalogue_calls_every_client_method()
    {
        using var harness = new ClientHarness();
        var (client, recorder) = RecordingClientProxy.Wrap(harness.Client);

        foreach (var endpoint in EndpointCatalogue.All)
        {
            harness.Udesk.ThenJson(endpoint.Answer);
            await endpoint.Call(client);
        }

        var methods = typeof(IUdeskClient).GetMethods().Select(m => m.Name).Order();
        Assert.Equal(methods, recorder.Called.Distinct().Order());
    }

    private static void AssertAuthenticated(string name, RecordedRequest request)
    {
        var timestamp = long.Parse(request.QueryValue("timestamp") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        switch (name)
        {
            case "log in":
                Assert.Null(request.QueryValue("sign"));
                break;
            case "structured message":
                Assert.Null(request.QueryValue("email"));
                Assert.Equal(
                    StructuredMessageSignature.Compute(1, 1, 1, timestamp, ClientHarness.StructKey),
                    request.QueryValue("sign"));
                // Udesk requires exactly this order on the query string.
                Assert.Matches("^\\?im_sub_session_id=1&customer_id=1&agent_id=1&timestamp=\\d+&sign=[0-9a-f]{32}$", request.Uri.Query);
                break;
            default:
                Assert.Equal(
                    OpenApiSignature.V2(ClientHarness.Email, ClientHarness.Token, timestamp, request.QueryValue("nonce")!),
                    request.QueryValue("sign"));
                break;
        }
    }
}
