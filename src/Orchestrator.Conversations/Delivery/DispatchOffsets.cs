using System.Collections.Immutable;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// How far the dispatcher has dispatched each tenant's events, as recorded in its journal (and its snapshot).
/// Pure: <see cref="DeliveryDispatcher"/> only persists and follows.
/// </summary>
/// <param name="Shared">
/// The offset of the dispatcher that followed every tenant in one stream (<see cref="DispatchOffsetRecorded"/>):
/// where every tenant without an offset of its own starts. Journal offsets are global, so it is valid for each.
/// </param>
/// <param name="Tenants">Per tenant, the offset of its own stream.</param>
public sealed record DispatchOffsets(long Shared, ImmutableDictionary<string, long> Tenants)
{
    public static DispatchOffsets Empty { get; } = new(0, ImmutableDictionary<string, long>.Empty);

    /// <summary>Where <paramref name="tenant"/>'s stream resumes: after this journal offset.</summary>
    public long Of(string tenant) => Tenants.GetValueOrDefault(tenant, Shared);

    /// <summary>The offsets after a recorded event (or a snapshot of either version).</summary>
    public DispatchOffsets Apply(object recorded) => recorded switch
    {
        // Upcast: the single stream's offset becomes every tenant's start.
        DispatchOffsetRecorded single => this with { Shared = Math.Max(Shared, single.Offset) },
        TenantDispatchOffsetRecorded tenant => this with { Tenants = Tenants.SetItem(tenant.Tenant, Math.Max(Of(tenant.Tenant), tenant.Offset)) },
        DispatchOffsets snapshot => snapshot,
        _ => this,
    };
}
