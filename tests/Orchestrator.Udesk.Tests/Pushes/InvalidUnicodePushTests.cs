using System.Text;
using System.Text.Json;
using Orchestrator.Udesk.Pushes;

namespace Orchestrator.Udesk.Tests.Pushes;

/// <summary>
/// Text that is not valid Unicode, as a lone surrogate escape or as raw invalid UTF-8, wherever it appears: the body
/// is unattributable or the message is set aside byte for byte, the rest of the batch is read, and nothing that is
/// kept as readable fails to be written again.
/// </summary>
public sealed class InvalidUnicodePushTests
{
    private const string Good = """{"type":"message","message_id":"good","data":{"content":"Hello"}}""";

    public static TheoryData<string> Kinds => new() { "surrogate escape", "invalid UTF-8" };

    /// <summary>The bytes of a JSON string literal whose text is not valid Unicode.</summary>
    private static byte[] BadString(string kind) => kind == "surrogate escape"
        ? Encoding.ASCII.GetBytes("\"a\\ud800b\"")
        : [(byte)'"', (byte)'a', 0xC3, 0x28, 0xFF, (byte)'"'];

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(part => part as byte[] ?? Encoding.UTF8.GetBytes((string)part)).ToArray();

    private static UdeskPush Parse(byte[] body)
    {
        var push = UdeskPushParser.Parse(body);
        PushAssertions.AssertSafeToStore(push, body);
        return push;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_invalid_customer_token_is_unattributable(string kind)
    {
        var push = Parse(Bytes("""{"customer_token":""", BadString(kind), $$""","assign_type":"agent","messages":[{{Good}}]}"""));

        Assert.Contains("customer_token", Assert.IsType<UnattributablePush>(push).Reason, StringComparison.Ordinal);
    }

    // assign_type is only a hint: an unreadable one is inferred like a missing one, and no message is lost.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_invalid_assign_type_is_inferred(string kind)
    {
        var push = Parse(Bytes("""{"customer_token":"axb","assign_type":""", BadString(kind), $$""","messages":[{{Good}}]}"""));

        var reply = Assert.IsType<ReplyNotification>(push);
        Assert.Equal(Orchestrator.Udesk.Sessions.AssignType.Agent, reply.AssignType);
        Assert.Equal("good", Assert.IsType<AgentReplyMessage>(reply.Messages.Single()).Id);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_invalid_property_name_at_the_top_is_ignored(string kind)
    {
        var push = Parse(Bytes("""{"customer_token":"axb",""", BadString(kind), $$""":1,"assign_type":"agent","messages":[{{Good}}]}"""));

        Assert.IsType<AgentReplyMessage>(Assert.IsType<ReplyNotification>(push).Messages.Single());
    }

    public static TheoryData<string, string, string, string, string> Messages
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string>();
            foreach (var kind in new[] { "surrogate escape", "invalid UTF-8" })
            {
                // assign_type, message prefix, message suffix (the bad string goes between), field named in the reason
                data.Add(kind, "agent", """{"type":"message","message_id":"bad","data":{"content":"x"},""", """:1}""", "(a property name)");
                data.Add(kind, "agent", """{"type":"message","message_id":"bad","data":{"content":"x"},"extra":""", "}", "extra");
                data.Add(kind, "robot", """{"type":"message","message_id":"bad","data":{"question_id":1,"answer":""", "}}", "data.answer");
                data.Add(kind, "robot", """{"type":"message","message_id":"bad","data":{"question_id":1,"answer":"A","gus_list":[{"question_title":""", "}]}}", "data.gus_list[0].question_title");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_with_invalid_text_is_kept_byte_for_byte_beside_readable_ones(string kind, string assignType, string before, string after, string field)
    {
        var bad = Bytes(before, BadString(kind), after);
        var good = assignType == "robot" ? """{"type":"message","message_id":"good","data":{"question_id":0,"answer":"Hi"}}""" : Good;
        var body = Bytes($$"""{"customer_token":"axb","assign_type":"{{assignType}}","messages":[{{good}},""", bad, $",{good}]}}");

        var reply = Assert.IsType<ReplyNotification>(Parse(body));

        Assert.Equal(3, reply.Messages.Count);
        var unreadable = Assert.IsType<UnreadableMessage>(reply.Messages[1]);
        Assert.Equal(bad, unreadable.RawUtf8);
        Assert.Equal("bad", unreadable.Id);
        Assert.Contains(field, unreadable.Reason, StringComparison.Ordinal);
        Assert.All([reply.Messages[0], reply.Messages[2]], message =>
        {
            Assert.Equal("good", message.Id);
            Assert.NotEmpty(JsonSerializer.SerializeToUtf8Bytes(message.Raw));
        });
    }

    [Fact]
    public void A_body_that_is_not_utf8_json_is_unattributable()
    {
        Assert.IsType<UnattributablePush>(Parse([0xFF, 0xFE, (byte)'{', (byte)'}']));
    }
}
