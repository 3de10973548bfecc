using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary>
/// The OpenAPI document is a contract a platform can generate a client from: every operation has a short summary,
/// a description, a tag, a success body and problem details for its errors (401 where it needs a key); every <c>/v1</c> operation names the
/// platform key's bearer scheme. A route added without its metadata fails here.
/// </summary>
public sealed class OpenApiDocumentTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    /// <summary>Navigation titles on the reference page: a few words, not a sentence.</summary>
    private const int MaxSummaryLength = 40;

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_has_a_short_summary_a_description_a_tag_a_success_body_and_problem_errors()
    {
        var operations = Operations(await Document());
        var missing = new List<string>();

        foreach (var (name, operation) in operations)
        {
            var summary = operation.Str("summary");
            if (summary.Length is 0 or > MaxSummaryLength || summary.EndsWith('.'))
            {
                missing.Add($"{name}: summary '{summary}' is not a short title (1 to {MaxSummaryLength} characters, no full stop)");
            }

            if (string.IsNullOrWhiteSpace(operation.Str("description")))
            {
                missing.Add($"{name}: no description");
            }

            if (operation["tags"] is not JsonArray { Count: > 0 })
            {
                missing.Add($"{name}: no tag");
            }

            var responses = operation["responses"]?.AsObject() ?? [];
            if (!responses.Any(r => r.Key.StartsWith('2') && HasSchema(r.Value)))
            {
                missing.Add($"{name}: no success response with a body schema");
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                if (response?["content"]?["application/problem+json"]?["schema"] is null)
                {
                    missing.Add($"{name}: {status} is not described as problem details");
                }
            }

            if (operation["security"] is JsonArray { Count: > 0 } && !responses.ContainsKey("401"))
            {
                missing.Add($"{name}: needs a key but 401 is not described");
            }
        }

        Assert.True(operations.Count >= 38, $"only {operations.Count} operations in the document");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_v1_operation_needs_the_platform_api_key_a_bearer_scheme()
    {
        var document = await Document();

        var scheme = document["components"]?["securitySchemes"]?["ApiKey"];
        Assert.Equal(("http", "bearer"), (scheme.Str("type"), scheme.Str("scheme")));
        var unsecured = Operations(document)
            .Where(o => o.Name.Contains(" /v1/", StringComparison.Ordinal))
            .Where(o => o.Operation["security"] is not JsonArray requirements || !requirements.Any(r => r?["ApiKey"] is not null))
            .Select(o => o.Name)
            .ToList();
        Assert.Empty(unsecured);
    }

    [Fact]
    public async Task The_document_introduces_the_service()
    {
        var info = (await Document())["info"];

        Assert.Equal(("Orchestrator API", "v1"), (info.Str("title"), info.Str("version")));
        foreach (var section in new[] { "## Authentication", "## Order and repeats", "## Errors" })
        {
            Assert.Contains(section, info.Str("description"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Main_bodies_carry_an_example_in_the_wire_form()
    {
        var schemas = (await Document())["components"]?["schemas"];

        var message = schemas?["MessageBody"]?["examples"]?[0];
        var accepted = schemas?["AcceptedResponse"]?["examples"]?[0];
        var conversation = schemas?["ConversationView"]?["examples"]?[0];

        Assert.Equal("msg-7f3a", message.Str("message_id"));
        Assert.Equal("12", accepted.Str("seq"));
        Assert.Equal("agent", conversation.Str("state"));
    }

    [Theory]
    [InlineData("/udesk/{tenant}/push/{secret}")]
    [InlineData("/udesk/{tenant}/struct-page")]
    [InlineData("/udesk/{tenant}/struct-page/send")]
    public async Task Urls_udesk_calls_are_not_part_of_the_platform_contract(string path)
    {
        var document = await Document();

        Assert.Null(document["paths"]?[path]);
    }

    private async Task<JsonObject> Document() => await host.Http.GetAsync("openapi/v1.json").Expect(HttpStatusCode.OK);

    private static List<(string Name, JsonObject Operation)> Operations(JsonObject document) =>
        [.. (document["paths"]?.AsObject() ?? [])
            .SelectMany(path => Methods
                .Where(method => path.Value?[method] is JsonObject)
                .Select(method => ($"{method.ToUpperInvariant()} {path.Key}", path.Value![method]!.AsObject())))];

    private static bool HasSchema(JsonNode? response) =>
        response?["content"]?.AsObject().Any(content => content.Value?["schema"] is JsonObject) == true;
}
