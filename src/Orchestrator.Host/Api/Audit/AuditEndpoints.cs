using System.Security.Claims;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Host.Tenancy;

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
            .WithSummary("Every session, transfer, message, Udesk call and answer, refusal and retry of the conversation, with the API key that issued each command; format=json|csv|text.");
        audit.MapGet("/conversations/{token}/verify", Verify)
            .WithSummary("Replays the conversation's events from seq 1 and compares the result, field by field, with its latest snapshot and its live state.");
        audit.MapPost("/audit/verify", StartVerify)
            .WithSummary("Replay-verifies every conversation of the tenant as a background job; answered 202 with the job to poll.");
        audit.MapGet("/audit/verify/{jobId}", VerifyJobStatus)
            .WithSummary("A verify job's progress and, once done, every conversation found with a difference.");
        audit.MapGet("/audit/export", Export)
            .WithSummary("The tenant's conversation events with a time in [from, to) as JSON Lines in journal order, then a progress line; resume with offset=.");
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
