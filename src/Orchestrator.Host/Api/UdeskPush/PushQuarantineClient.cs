using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Quarantine;
using static Orchestrator.Conversations.Quarantine.PushQuarantineMessages;

namespace Orchestrator.Host.Api.UdeskPush;

/// <summary>Keeps and lists the push bodies of a tenant that named no conversation.</summary>
public sealed class PushQuarantineClient(IRequiredActor<PushQuarantineRegion> region)
{
    /// <summary>Whether the body was kept (persisted) within <paramref name="timeout"/>.</summary>
    public async Task<bool> Keep(string tenant, string reason, ReadOnlyMemory<byte> body, string? contentType, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await (await region.GetAsync(cancellationToken)).Ask<PushKept>(new QuarantinePush(tenant, reason, body.ToArray(), contentType), timeout, cancellationToken) is not null;
        }
        catch (AskTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Up to <paramref name="limit"/> entries with ids above <paramref name="after"/>, oldest first.</summary>
    public async Task<IReadOnlyList<QuarantinedPush>> List(string tenant, long after, int limit, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await (await region.GetAsync(cancellationToken)).Ask<QuarantinePage>(new ListQuarantine(tenant, after, limit), timeout, cancellationToken)).Entries;
}
