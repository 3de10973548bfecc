using Orchestrator.Conversations.Audit;

namespace Orchestrator.Host.Api.Audit;

public enum VerifyJobStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>
/// A tenant-wide replay-verify under way or done. Its progress is written by the one task that runs it and read
/// by any request, so every change goes through <see cref="gate"/> and readers get an immutable <see cref="View"/>.
/// </summary>
public sealed class VerifyJob(Guid id, string tenant, DateTimeOffset startedAt)
{
    private readonly Lock gate = new();
    private readonly List<ReplayVerification> inconsistent = [];
    private VerifyJobStatus status = VerifyJobStatus.Running;
    private int total;
    private int verified;
    private DateTimeOffset? finishedAt;
    private string? error;

    public Guid Id => id;

    public string Tenant => tenant;

    public void Found(int conversations)
    {
        lock (gate)
        {
            total = conversations;
        }
    }

    public void Verified(ReplayVerification? verification)
    {
        lock (gate)
        {
            verified++;
            if (verification is { Consistent: false })
            {
                inconsistent.Add(verification);
            }
        }
    }

    public void Finished(DateTimeOffset at, string? failure = null)
    {
        lock (gate)
        {
            finishedAt = at;
            error = failure;
            status = failure is null ? VerifyJobStatus.Completed : VerifyJobStatus.Failed;
        }
    }

    public VerifyJobView View()
    {
        lock (gate)
        {
            return new VerifyJobView(id, tenant, status.ToString().ToLowerInvariant(), startedAt, finishedAt, total, verified, inconsistent.Sum(v => v.DifferenceCount), [.. inconsistent], error);
        }
    }
}

/// <summary>A verify job as the API shows it: progress is <see cref="Verified"/> of <see cref="Total"/> conversations.</summary>
/// <param name="Status"><c>running</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="Inconsistent">Every conversation found with a difference, each difference by path.</param>
public sealed record VerifyJobView(
    Guid JobId,
    string Tenant,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Total,
    int Verified,
    int Differences,
    IReadOnlyList<ReplayVerification> Inconsistent,
    string? Error);
