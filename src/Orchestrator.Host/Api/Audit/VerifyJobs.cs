using System.Collections.Concurrent;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Host.Api.Audit;

/// <summary>
/// Runs tenant-wide replay-verifies in the background, one conversation at a time, and keeps every job's result
/// in memory for as long as the process runs (a restart forgets them; run the job again).
/// </summary>
public sealed class VerifyJobs(AuditJournal journal, ConversationVerifier verifier, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<VerifyJobs> log)
{
    private readonly ConcurrentDictionary<Guid, VerifyJob> jobs = new();

    public VerifyJob Start(string tenant)
    {
        var job = new VerifyJob(Guid.NewGuid(), tenant, time.GetUtcNow());
        jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, lifetime.ApplicationStopping));
        return job;
    }

    /// <summary>The job, when it exists and is <paramref name="tenant"/>'s: another tenant's jobs are not found.</summary>
    public VerifyJob? Find(string tenant, Guid id) => jobs.TryGetValue(id, out var job) && job.Tenant == tenant ? job : null;

    private async Task RunAsync(VerifyJob job, CancellationToken stopping)
    {
        try
        {
            var conversations = await journal.ConversationsOf(job.Tenant, stopping);
            job.Found(conversations.Count);
            foreach (var id in conversations)
            {
                job.Verified(await verifier.VerifyAsync(id, stopping));
            }

            job.Finished(time.GetUtcNow());
        }
        catch (Exception e)
        {
            log.LogError(e, "Verify job {Job} of tenant {Tenant} failed", job.Id, job.Tenant);
            job.Finished(time.GetUtcNow(), e.Message);
        }
    }
}
