using System.Security.Claims;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Host.Tenancy;
using Orchestrator.Host.Api.OpenApi;

namespace Orchestrator.Host.Api.Audit;

/// <summary>
/// Audits of the caller's tenant: a conversation's audit trail and its replay-verify, the tenant-wide verify job,
/// and the tenant's events as JSON Lines.
/// </summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder v1)
    {
        var audit = v1.MapGroup("").WithTags("Audit");
        audit.MapGet("/conversations/{token}/audit", Audit)
            .Describe("Get a conversation's audit", "One entry per event: every session with its `im_sub_session_id` and agent, every transfer, every message both ways with `message_id` and content, every Udesk call with its request and Udesk's answer (code, time), every refusal and retry, and under `issued_by` the name (never the secret) of the API key whose command it was. `format=json` (the default), `csv`, or `text` (a transcript, one line per entry).")
            .Produces<AuditReport>()
            .AlsoProducesText(StatusCodes.Status200OK, "text/csv", "text/plain")
            .ProducesProblems(400, 404);
        audit.MapGet("/conversations/{token}/verify", Verify)
            .Describe("Verify a conversation", "Replay-verify: the conversation's events folded from seq 1 (no snapshot) through its own `Apply`, compared field by field with its latest snapshot (at the snapshot's seq) and its live state: `consistent`, and each difference by JSON path with both values.")
            .Produces<ReplayVerification>()
            .ProducesProblems(400, 404);
        audit.MapPost("/audit/verify", StartVerify)
            .Describe("Start a verify job", "Replay-verifies every conversation of the caller's tenant as a background job, one conversation at a time; answered 202 with the job (and its URL in `Location`) to poll. `tenant`, when given, must be the caller's own (403 otherwise). Results are kept in memory until the service restarts.")
            .Produces<VerifyJobView>(StatusCodes.Status202Accepted)
            .ProducesProblems(403);
        audit.MapGet("/audit/verify/{jobId}", VerifyJobStatus)
            .Describe("Get a verify job", "A verify job's `status` (running, completed, failed), progress (`verified` of `total`) and every conversation found with a difference.")
            .Produces<VerifyJobView>()
            .ProducesProblems(400, 404);
        audit.MapGet("/audit/export", Export)
            .Describe("Export events", "The tenant's conversation events whose time is in [`from`, `to`) (ISO 8601) as JSON Lines in journal order, one event a line (`offset`, `persistence_id`, `seq`, `timestamp`, `manifest`, and `event` as the journal holds it), then a progress line `{\"progress\":{\"events\":…,\"last_offset\":…}}`. `offset=` resumes after a line's offset; an export cut short has no progress line.")
            .Produces<Stream>(contentType: "application/x-ndjson")
            .ProducesProblems(400);
        return v1;
    }

    private static async Task<IResult> Audit(string token, ClaimsPrincipal user, AuditJournal journal, CancellationToken ct, string? format = null)
    {
        if (RequestValidation.Token(token) is { } invalid)
        {
            return invalid;
        }

        if (!AuditWriter.TryParse(format, out var chosen))
        {
            return Problems.Result(Problems.Invalid("format", "format must be json, csv or text."));
        }

        var id = new ConversationId(user.Tenant(), token);
        var events = await journal.EventsOf(id, ct);
        return events.Count == 0
            ? Problems.Result(Problems.NotFound($"No conversation with customer token '{token}'."))
            : Results.Text(AuditWriter.Write(AuditReport.Of(id, events), chosen), AuditWriter.ContentType(chosen));
    }

    private static async Task<IResult> Verify(string token, ClaimsPrincipal user, ConversationVerifier verifier, CancellationToken ct)
    {
        if (RequestValidation.Token(token) is { } invalid)
        {
            return invalid;
        }

        return await verifier.VerifyAsync(new ConversationId(user.Tenant(), token), ct) is { } verification
            ? Results.Ok(verification)
            : Problems.Result(Problems.NotFound($"No conversation with customer token '{token}'."));
    }

    private static IResult StartVerify(ClaimsPrincipal user, VerifyJobs jobs, string? tenant = null)
    {
        if (tenant is not null && tenant != user.Tenant())
        {
            return Problems.Result(Problems.Forbidden("An API key verifies its own tenant only; leave tenant out or name yours."));
        }

        var job = jobs.Start(user.Tenant());
        return Results.Accepted($"/v1/audit/verify/{job.Id}", job.View());
    }

    private static IResult VerifyJobStatus(string jobId, ClaimsPrincipal user, VerifyJobs jobs)
    {
        if (!Guid.TryParse(jobId, out var id))
        {
            return Problems.Result(Problems.Invalid("jobId", "jobId must be the job_id a POST /v1/audit/verify answered."));
        }

        return jobs.Find(user.Tenant(), id) is { } job
            ? Results.Ok(job.View())
            : Problems.Result(Problems.UnknownVerifyJob($"There is no verify job {id} of this tenant (jobs are kept until the service restarts)."));
    }

    private static async Task Export(HttpContext context, ClaimsPrincipal user, AuditJournal journal, string? from = null, string? to = null, string? offset = null)
    {
        var after = 0L;
        if ((QueryValues.Window(from, to, out var start, out var end) ?? QueryValues.Offset(offset, out after)) is { } invalid)
        {
            await invalid.ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = AuditExport.ContentType;
        await using var output = new StreamWriter(context.Response.Body, leaveOpen: true);
        await AuditExport.WriteAsync(journal, user.Tenant(), start, end, after, output, context.RequestAborted);
    }
}
