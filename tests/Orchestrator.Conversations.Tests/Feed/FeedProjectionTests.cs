using System.Text.Json;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using Orchestrator.Conversations.Tests.Serialization;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Feed;

public sealed class FeedProjectionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> EventSamples()
    {
        var data = new TheoryData<string>();
        foreach (var (name, sample) in SampleMessages.Named().Where(s => s.Sample is Event))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventSamples))]
    public void Every_persisted_event_type_has_a_reading_with_its_sequence_number_and_time(string name)
    {
        var sample = (Event)SampleMessages.Named().Single(s => s.Name == name).Sample;

        var entry = FeedProjection.Of(sample);

        Assert.NotEqual("unknown", entry.Type);
        Assert.Equal(sample.Seq, entry.Seq);
        Assert.Equal(sample.At, entry.At);
    }

    [Fact]
    public void A_visible_agent_message_keeps_Udesks_payload_and_message_id()
    {
        var raw = JsonSerializer.SerializeToElement(new { type = "message", message_id = "a-1", data = new { content = "hi" } });

        var entry = FeedProjection.Of(new MessageReceived(7, At, "a-1", "agent", "message", true, new SessionId(42), raw));

        Assert.Equal(("message", false, "a-1", 42L), (entry.Type, entry.Internal, entry.MessageId, entry.ImSubSessionId));
        Assert.Equal(raw.GetRawText(), entry.Udesk!.Value.GetRawText());
    }

    [Fact]
    public void Agent_only_messages_late_pushes_and_Udesk_calls_are_internal()
    {
        var raw = JsonSerializer.SerializeToElement(new { type = "info_transfer" });

        Assert.True(FeedProjection.Of(new MessageReceived(1, At, "i-1", "agent", "info_transfer", false, new SessionId(42), raw)).Internal);
        Assert.True(FeedProjection.Of(new LatePushRecorded(2, At, "l-1", "message", new SessionId(42), raw)).Internal);
        Assert.True(FeedProjection.Of(new UdeskCallQueued(3, At, new Outbox.OutboundCall.CloseSession(new SessionId(42)))).Internal);
    }

    [Fact]
    public void A_dropped_duplicate_is_internal_so_no_platform_receives_a_message_twice()
    {
        var entry = FeedProjection.Of(new DuplicateDropped(8, At, DuplicateSource.UdeskPush, "a-1", "message", 7, 2));

        Assert.True(entry.Internal);
        Assert.Equal(("duplicate_dropped", "a-1", "udesk_push", 2), (entry.Type, entry.MessageId, entry.Data["source"], entry.Data["repeat"]));
    }

    [Fact]
    public void A_transfer_names_the_new_session_the_old_one_and_the_agent()
    {
        var raw = JsonSerializer.SerializeToElement(new { type = "transfer" });

        var entry = FeedProjection.Of(new SessionTransferred(9, At, new SessionId(41), new SessionId(42), new AgentInfo(398, "Jerry", null), "t-1", raw));

        Assert.Equal(42, entry.ImSubSessionId);
        Assert.Equal(41L, entry.Data["from_im_sub_session_id"]);
        Assert.Equal(398L, entry.Data["agent_id"]);
        Assert.False(entry.Data.ContainsKey("agent_avatar"), "unknown values are left out");
    }
}
