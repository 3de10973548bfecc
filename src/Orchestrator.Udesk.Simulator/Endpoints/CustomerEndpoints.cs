using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>The customer API: create, find and update. A customer's <c>open_api_token</c> is its IM <c>customer_token</c>.</summary>
internal sealed class CustomerEndpoints(SimulatorWorld world)
{
    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline)
    {
        pipeline.Map(routes, "POST", "customers", AuthScheme.OpenApi, Create);
        pipeline.Map(routes, "GET", "customers/get_customer", AuthScheme.OpenApi, Get);
        pipeline.Map(routes, "PUT", "customers/update_customer", AuthScheme.OpenApi, Update);
    }

    private UdeskReply Create(OpenApiRequest request) =>
        request.Object("customer") is { } customer
            ? Answer(world.CreateCustomer(customer, request.String("tags")))
            : UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "Missing parameters: customer.");

    private UdeskReply Get(OpenApiRequest request)
    {
        var (type, content) = (request.Query("type"), request.Query("content"));
        return Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("type", type), ("content", content))
            ?? Answer(world.FindCustomer(type!, content!));
    }

    private UdeskReply Update(OpenApiRequest request)
    {
        var (type, content, customer) = (request.Query("type"), request.Query("content"), request.Object("customer"));
        return Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("type", type), ("content", content), ("customer", customer))
            ?? Answer(world.UpdateCustomer(type!, content!, customer!, request.String("tags")));
    }

    private static UdeskReply Answer((Refusal? Refusal, JsonObject? Customer) result) =>
        Replies.From(result.Refusal, ("customer", result.Customer));
}
