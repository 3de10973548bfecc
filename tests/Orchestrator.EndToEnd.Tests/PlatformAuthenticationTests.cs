using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>The platform API answers only its tenants' keys, and says why in problem details.</summary>
public sealed class PlatformAuthenticationTests(Journey journey) : IClassFixture<Journey>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-key-we-issued")]
    [InlineData("Basic ZTJlOmtleQ==")]
    public async Task Requests_without_a_valid_key_are_unauthorized_and_change_nothing(string? authorization)
    {
        using var http = new HttpClient { BaseAddress = journey.Orchestrator.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/conversations/auth-customer/session") { Content = JsonContent.Create(new JsonObject { ["assign_type"] = "robot" }) };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await journey.Customer("auth-customer").State());
    }

    [Theory]
    [InlineData("{\"assign_type\":\"astrologer\"}", "assign_type")]
    [InlineData("{\"assign_type\":\"agent\",\"agent_id\":\"tom\"}", "agent_id")]
    public async Task A_bad_session_request_is_a_problem_naming_the_field_and_changes_nothing(string body, string field)
    {
        using var response = await journey.Orchestrator.Http.PostAsync(
            "v1/conversations/bad-request-customer/session", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(field, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(await journey.Customer("bad-request-customer").State());
    }

    [Fact]
    public async Task A_message_without_message_id_is_a_problem_naming_it()
    {
        using var response = await journey.Orchestrator.Http.PostAsJsonAsync(
            "v1/conversations/no-id-customer/messages", new JsonObject { ["type"] = "message", ["data"] = new JsonObject { ["content"] = "hi" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]?["message_id"] is not null, problem.ToJsonString());
    }
}
