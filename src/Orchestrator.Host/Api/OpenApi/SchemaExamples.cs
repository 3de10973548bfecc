using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Orchestrator.Host.Api.Contracts;
using Orchestrator.Host.Api.Customers;

namespace Orchestrator.Host.Api.OpenApi;

/// <summary>
/// An example for each main body, written from a real instance with the service's own JSON options, so an example
/// cannot drift from the wire form.
/// </summary>
internal sealed class SchemaExamples(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOpenApiSchemaTransformer
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    private static readonly FeedEventView CustomerMessage = new(
        "default/alice/11", "alice", 11, At, "customer_message", false, "msg-7f3a", 9001,
        new Dictionary<string, object?> { ["from"] = "customer", ["type"] = "message", ["content"] = "Where is my parcel?", ["routed_to"] = "agent" }, null);

    private static readonly FeedEventView AgentReply = new(
        "default/alice/13", "alice", 13, At.AddSeconds(20), "message", false, "udesk-5521", 9001,
        new Dictionary<string, object?> { ["assign_type"] = "agent", ["kind"] = "message" },
        JsonDocument.Parse("""{"type":"message","message_id":"udesk-5521","agent_id":7,"agent_name":"Bob","im_sub_session_id":9001,"data":{"content":"It left the depot this morning."}}""").RootElement);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(SessionRequestBody)] = new SessionRequestBody(AssignType: "agent", GroupId: 42),
        [typeof(MessageBody)] = new MessageBody("msg-7f3a", "message", new MessageData(Content: "Where is my parcel?")),
        [typeof(PreviewBody)] = new PreviewBody("Where is my par"),
        [typeof(AcceptedResponse)] = new AcceptedResponse(12),
        [typeof(CustomerBody)] = new CustomerBody(NickName: "Alice", Email: "alice@example.com", Cellphones: ["13800000000"], Level: "vip", Tags: ["returning"]),
        [typeof(ConversationView)] = new ConversationView(
            "alice", "agent", 9001, [8990], new AgentView(7, "Bob", null), null, null, null, null, 12, At, null, null, 0),
        [typeof(FeedEventView)] = AgentReply,
        [typeof(FeedView)] = new FeedView([CustomerMessage, AgentReply], 13),
        [typeof(HttpValidationProblemDetails)] = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["message_id"] = ["message_id is required."] })
        {
            Type = Problems.InvalidInput,
            Title = "The request is invalid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = "message_id is required.",
        },
        [typeof(ProblemDetails)] = Problems.Conflict("The conversation is queued; abandon the queue instead."),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, json.Value.SerializerOptions)!];
        }

        return Task.CompletedTask;
    }
}
