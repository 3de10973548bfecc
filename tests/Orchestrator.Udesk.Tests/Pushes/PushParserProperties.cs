using FsCheck.Xunit;
using Orchestrator.Udesk.Pushes;

namespace Orchestrator.Udesk.Tests.Pushes;

/// <summary>Whatever arrives, the parser answers, keeps every message it was given, and keeps nothing it cannot store.</summary>
public sealed class PushParserProperties
{
    private const int Runs = 300;

    [Property(MaxTest = Runs)]
    public void A_body_naming_a_customer_keeps_every_message_readable_or_byte_exact(int[] choices)
    {
        var generated = GeneratedPushBody.Reply(choices);
        var body = generated.Body;

        var reply = Assert.IsType<ReplyNotification>(UdeskPushParser.Parse(body));

        Assert.Equal("cust-1", reply.CustomerToken);
        Assert.Equal(generated.Items.Count, reply.Messages.Count);
        PushAssertions.AssertSafeToStore(reply, body);
        for (var i = 0; i < reply.Messages.Count; i++)
        {
            if (reply.Messages[i] is UnreadableMessage unreadable)
            {
                Assert.Equal(body[generated.Items[i]], unreadable.RawUtf8);
                Assert.False(string.IsNullOrWhiteSpace(unreadable.Reason));
            }
        }
    }

    [Property(MaxTest = Runs)]
    public void A_truncated_body_is_answered_and_safe_to_store(int[] choices, int cut)
    {
        var full = GeneratedPushBody.Reply(choices).Body;
        var body = full[..(((cut % full.Length) + full.Length) % full.Length)];

        PushAssertions.AssertSafeToStore(UdeskPushParser.Parse(body), body);
    }

    [Property(MaxTest = Runs)]
    public void Random_bytes_are_answered_and_safe_to_store(byte[] body)
    {
        PushAssertions.AssertSafeToStore(UdeskPushParser.Parse(body), body);
    }
}
