using Orchestrator.Conversations.Delivery;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>The dispatcher's offsets: one per tenant now, the single offset of before still every tenant's start.</summary>
public sealed class DispatchOffsetsTests
{
    [Fact]
    public void The_single_offset_recorded_before_tenants_had_their_own_is_every_tenants_start()
    {
        var offsets = DispatchOffsets.Empty.Apply(new DispatchOffsetRecorded(40)).Apply(new DispatchOffsetRecorded(57));

        Assert.Equal(57, offsets.Of("acme"));
        Assert.Equal(57, offsets.Of("globex"));
    }

    [Fact]
    public void A_tenants_own_offset_moves_only_that_tenant()
    {
        var offsets = DispatchOffsets.Empty.Apply(new DispatchOffsetRecorded(57)).Apply(new TenantDispatchOffsetRecorded("acme", 90));

        Assert.Equal(90, offsets.Of("acme"));
        Assert.Equal(57, offsets.Of("globex"));
    }

    [Fact]
    public void A_snapshot_of_either_version_restores_the_offsets()
    {
        var current = DispatchOffsets.Empty.Apply(new DispatchOffsetRecorded(57)).Apply(new TenantDispatchOffsetRecorded("acme", 90));

        Assert.Equal(current, DispatchOffsets.Empty.Apply(current));
        Assert.Equal(57, DispatchOffsets.Empty.Apply(new DispatchOffsetRecorded(57)).Of("acme"));
    }
}
