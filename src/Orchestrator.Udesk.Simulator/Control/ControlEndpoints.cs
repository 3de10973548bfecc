using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Logging;
using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.RateLimiting;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Control;

/// <summary>
/// The control API under <c>/_sim/</c> (documented in docs/simulator.md): drive agents, read the logs and the
/// effects, set the push URL, faults and quirks, reset. JSON is snake_case and read with the simulator's own settings, whatever the host's are.
/// Unknown ids answer 404, impossible requests 409, malformed ones 400.
/// </summary>
internal sealed class ControlEndpoints(
    SimulatorWorld world,
    SimulatorSettings settings,
    SimulatorLog log,
    RateLimiter limiter,
    SimulatorRandom random,
    PushDispatcher pushes)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        Get(routes, "state", _ => State());
        Get(routes, "agents", _ => world.Agents);
        Put<AgentChange>(routes, "agents/{id:long}", (http, change) => world.SetAgent(Id(http), ParseStatus(change.Status), change.Capacity, change.CustomStatus));
        Get(routes, "sessions", _ => world.Sessions);
        Get(routes, "sessions/{id:long}", http => world.Session(Id(http)) ?? throw new KeyNotFoundException($"Session {Id(http)} does not exist."));
        Post<AgentReplyRequest>(routes, "sessions/{id:long}/reply", (http, reply) => new
        {
            MessageId = world.AgentReply(Id(http), reply.Type ?? "message", reply.Data ?? new JsonObject { ["content"] = reply.Content ?? "" }),
        });
        Post<TransferRequest>(routes, "sessions/{id:long}/transfer", (http, transfer) => world.Transfer(Id(http), transfer.AgentId, transfer.GroupId));
        Post<CloseRequest>(routes, "sessions/{id:long}/close", (http, close) =>
        {
            world.Close(Id(http), close.CloseType ?? "normal", close.Survey);
            return world.Session(Id(http));
        });
        Post<object>(routes, "sessions/{id:long}/close-silently", (http, _) => world.CloseSilently(Id(http)));
        Post<object>(routes, "sessions/{id:long}/read", (http, _) => new { MessageIds = world.AgentReadsCustomerMessages(Id(http)) });
        Get(routes, "queue", _ => world.Queue);
        Post<object>(routes, "queue/{customer_token}/drop", (http, _) =>
        {
            world.DropFromQueue(http.GetRouteValue("customer_token")!.ToString()!);
            return world.Queue;
        });
        Get(routes, "effects", _ => world.Effects);
        Get(routes, "effects/{customer_token}", http => world.EffectsOf(http.GetRouteValue("customer_token")!.ToString()!));
        Get(routes, "urobot_sessions", _ => world.UrobotSessions);
        Get(routes, "push", _ => new { Url = settings.PushUrl, PendingBatches = pushes.PendingBatches, HeldBatches = pushes.HeldBatches, PausedUntil = pushes.PausedUntil });
        Put<PushUrlRequest>(routes, "push", (_, push) =>
        {
            settings.PushUrl = push.Url;
            return new { Url = settings.PushUrl };
        });
        Get(routes, "faults", _ => settings.Faults);
        Put<JsonObject>(routes, "faults", (_, changes) =>
        {
            settings.SetFaults(Merge(settings.Faults, changes));
            return settings.Faults;
        });
        Get(routes, "quirks", _ => settings.Quirks);
        Put<JsonObject>(routes, "quirks", (_, changes) =>
        {
            settings.SetQuirks(Merge(settings.Quirks, changes));
            return settings.Quirks;
        });
        Get(routes, "log/calls", http => log.Calls.Where(c => c.Sequence > Since(http)));
        Get(routes, "log/pushes", http => log.Pushes.Where(p => p.Sequence > Since(http)));
        Get(routes, "violations", _ => Violations());
        Post<ResetRequest>(routes, "reset", (_, reset) =>
        {
            world.Reset(reset.Seed);
            return new { random.Seed };
        });
    }

    private object State() => new
    {
        random.Seed,
        PushUrl = settings.PushUrl,
        settings.Quirks,
        PendingPushes = pushes.PendingBatches,
        PushesPausedUntil = pushes.PausedUntil,
        world.Agents,
        world.Groups,
        world.Customers,
        world.Sessions,
        world.Queue,
        world.UrobotSessions,
        Violations = Violations(),
    };

    private object Violations() => new
    {
        CompanyBudget = limiter.ViolationCount(RateLimit.CompanyBudget),
        Preview = limiter.ViolationCount(RateLimit.Preview),
        StructuredMessage = limiter.ViolationCount(RateLimit.StructuredMessage),
        Calls = limiter.Violations,
    };

    /// <summary>Knobs given in <paramref name="changes"/> replace the current ones; the rest stay.</summary>
    private static T Merge<T>(T current, JsonObject changes)
    {
        var merged = JsonSerializer.SerializeToNode(current, SimulatorJson.Control)!.AsObject();
        foreach (var (name, value) in changes)
        {
            merged[JsonNamingPolicy.SnakeCaseLower.ConvertName(name)] = value?.DeepClone();
        }

        return merged.Deserialize<T>(SimulatorJson.Control) ?? current;
    }

    private static ImStatus? ParseStatus(string? status) =>
        status is null ? null
        : ImStatusNames.TryParse(status, out var parsed) ? parsed
        : throw new ArgumentException($"status must be online, busy or offline, not '{status}'.");

    private static long Id(HttpContext http) => long.Parse(http.GetRouteValue("id")!.ToString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static long Since(HttpContext http) => OpenApiRequest.ParseLong(http.Request.Query["since"]) ?? 0;

    private static void Get(IEndpointRouteBuilder routes, string pattern, Func<HttpContext, object?> read) =>
        routes.MapGet(pattern, Handler(http => Task.FromResult(read(http))));

    private static void Put<T>(IEndpointRouteBuilder routes, string pattern, Func<HttpContext, T, object?> change) =>
        routes.MapPut(pattern, Handler(async http => change(http, await ReadAsync<T>(http))));

    private static void Post<T>(IEndpointRouteBuilder routes, string pattern, Func<HttpContext, T, object?> change) =>
        routes.MapPost(pattern, Handler(async http => change(http, await ReadAsync<T>(http))));

    /// <summary>The body as <typeparamref name="T"/>; an empty body is an empty object.</summary>
    private static async Task<T> ReadAsync<T>(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(text) ? "{}" : text, SimulatorJson.Control)
            ?? throw new JsonException("The body must be a JSON object.");
    }

    private static RequestDelegate Handler(Func<HttpContext, Task<object?>> action) => async http =>
    {
        IResult result;
        try
        {
            result = Results.Json(await action(http), SimulatorJson.Control);
        }
        catch (KeyNotFoundException e)
        {
            result = Problem(StatusCodes.Status404NotFound, e.Message);
        }
        catch (InvalidOperationException e)
        {
            result = Problem(StatusCodes.Status409Conflict, e.Message);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException)
        {
            result = Problem(StatusCodes.Status400BadRequest, e.Message);
        }

        await result.ExecuteAsync(http);
    };

    private static IResult Problem(int status, string message) => Results.Json(new { Error = message }, SimulatorJson.Control, statusCode: status);
}
