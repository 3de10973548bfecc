using System.Security.Claims;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Retention;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Api.Audit;

/// <summary>The tenant's erasure ledger (<c>GET /v1/audit/erasures</c>).</summary>
internal static class ErasureLedgerEndpoints
{
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapErasureLedgerEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/audit/erasures", List)
            .WithTags("Audit")
            .Describe(
                "List erasures",
                "Every erasure of a customer's data, by the retention job (reason retention) or on request (reason request, with the API key that asked), "
                + "recorded in [from, to) when given, oldest first, at most limit (default 100, up to 1000). Customers appear only as the SHA-256 of their token.")
            .Produces<ErasureList>()
            .ProducesProblems(400);
        return v1;
    }

    private static async Task<IResult> List(ClaimsPrincipal user, ErasureClient erasures, CancellationToken ct, string? from = null, string? to = null, string? limit = null)
    {
        DateTimeOffset start = default, end = default;
        if ((QueryValues.Int(limit, "limit", 100, 1, MaxLimit, out var max)
            ?? (from is null ? null : QueryValues.RequiredTime(from, "from", out start))
            ?? (to is null ? null : QueryValues.RequiredTime(to, "to", out end))) is { } invalid)
        {
            return invalid;
        }

        var entries = await erasures.ListAsync(user.Tenant(), from is null ? null : start, to is null ? null : end, max, ct);
        return Results.Ok(new ErasureList(entries.Select(ErasureView.Of).ToList()));
    }
}
