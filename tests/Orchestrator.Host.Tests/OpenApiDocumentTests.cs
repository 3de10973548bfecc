using System.Net;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary>The new routes are in the OpenAPI document, each with a summary.</summary>
public sealed class OpenApiDocumentTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Theory]
    [InlineData("/v1/customers/{token}", "put")]
    [InlineData("/v1/conversations/{token}/survey", "post")]
    [InlineData("/v1/conversations/{token}/robot-survey", "post")]
    [InlineData("/v1/conversations/{token}/answer-survey", "post")]
    [InlineData("/v1/conversations/{token}/robot-usefulness", "post")]
    [InlineData("/v1/conversations/{token}/flow", "post")]
    [InlineData("/v1/conversations/{token}/hit", "post")]
    [InlineData("/v1/conversations/{token}/transfer-survey", "post")]
    [InlineData("/v1/conversations/{token}/online-state", "post")]
    [InlineData("/v1/conversations/{token}/read", "post")]
    [InlineData("/v1/conversations/{token}/struct-messages", "post")]
    [InlineData("/v1/conversations/{token}/queue-status", "get")]
    [InlineData("/v1/conversations/{token}/customer-status", "get")]
    [InlineData("/v1/conversations/{token}/unread-offline", "get")]
    [InlineData("/v1/udesk/agents/status", "get")]
    [InlineData("/v1/udesk/agents/unread", "get")]
    [InlineData("/v1/udesk/urobots", "get")]
    [InlineData("/v1/udesk/sensitive-words", "get")]
    [InlineData("/v1/udesk/abandoned-queues", "get")]
    [InlineData("/v1/udesk/sessions", "delete")]
    [InlineData("/udesk/{tenant}/struct-page", "get")]
    [InlineData("/udesk/{tenant}/struct-page/send", "post")]
    public async Task Every_route_is_documented_with_a_summary(string path, string method)
    {
        var document = await host.Http.GetAsync("openapi/v1.json").Expect(HttpStatusCode.OK);

        var operation = document["paths"]?[path]?[method];
        Assert.True(operation is not null, $"{method} {path} is not in the document");
        Assert.False(string.IsNullOrWhiteSpace(operation.Str("summary")), $"{method} {path} has no summary");
    }
}
