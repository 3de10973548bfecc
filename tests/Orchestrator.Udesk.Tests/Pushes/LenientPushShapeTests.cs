using System.Text;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Pushes;
using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Udesk.Tests.Pushes;

/// <summary>Shapes Udesk has been seen to send beyond the spec's examples: each is read, and the messages beside it too.</summary>
public sealed class LenientPushShapeTests
{
    private const string Welcome = """{"type":"message","message_id":"ok","im_sub_session_id":3,"data":{"content":"Hello"}}""";

    private static ReplyNotification Parse(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var push = UdeskPushParser.Parse(body);
        PushAssertions.AssertSafeToStore(push, body);
        return Assert.IsType<ReplyNotification>(push);
    }

    /// <summary>An agent batch of <paramref name="odd"/> followed by an ordinary welcome message.</summary>
    private static (AgentReplyMessage Odd, AgentReplyMessage Welcome) ParseBeside(string odd)
    {
        var reply = Parse($$"""{"customer_token":"axb","assign_type":"agent","messages":[{{odd}},{{Welcome}}]}""");
        Assert.Equal(2, reply.Messages.Count);
        var welcome = Assert.IsType<AgentReplyMessage>(reply.Messages[1]);
        Assert.Equal("Hello", welcome.Data!.Content);
        return (Assert.IsType<AgentReplyMessage>(reply.Messages[0]), welcome);
    }

    [Fact]
    public void Content_sent_as_an_object_is_read_as_its_json_text()
    {
        var (odd, _) = ParseBeside("""{"type":"struct","message_id":"s1","data":{"content":{"title":"Card","buttons":[1,2]}}}""");

        Assert.Equal("""{"title":"Card","buttons":[1,2]}""", odd.Data!.Content);
        Assert.Equal("Card", odd.Raw.GetProperty("data").GetProperty("content").GetProperty("title").GetString());
    }

    [Fact]
    public void Data_sent_as_a_string_is_the_content()
    {
        var (odd, _) = ParseBeside("""{"type":"start_session","message_id":"s1","data":"Dialogue started"}""");

        Assert.Equal("Dialogue started", odd.Data!.Content);
    }

    [Theory]
    [InlineData("4.4", 4)]
    [InlineData("4.5", 5)]
    [InlineData("\"12.7\"", 13)]
    public void A_fractional_duration_is_rounded_to_the_nearest_second(string duration, int seconds)
    {
        var (odd, _) = ParseBeside($$$"""{"type":"audio","message_id":"a1","data":{"content":"https://x/a.amr","duration":{{{duration}}}}}""");

        Assert.Equal(seconds, odd.Data!.Duration);
    }

    [Fact]
    public void Survey_option_ids_sent_blank_or_null_are_absent()
    {
        var (odd, _) = ParseBeside("""
            {"type":"close","message_id":"c1","data":{"close_type":"normal","content":"Closed",
              "survey_options":{"show_type":"text","options":[{"id":"","text":"A"},{"id":null,"text":"B"},{"id":"36","text":"C"}],
                "text":{"default_option_id":"","options":[{"id":null,"text":"D"}]}}}}
            """);

        var survey = odd.Data!.SurveyOptions!;
        Assert.Equal([null, null, 36L], survey.Options!.Select(o => o.Id));
        Assert.Null(survey.Text!.DefaultOptionId);
        Assert.Null(survey.Text.Options![0].Id);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"3a\"")]
    [InlineData("1e30")]
    public void An_id_that_is_no_whole_number_is_absent_and_kept_in_the_raw(string agentId)
    {
        var (odd, _) = ParseBeside($$$"""{"type":"message","message_id":"m1","agent_id":{{{agentId}}},"data":{"content":"x"}}""");

        Assert.Null(odd.AgentId);
        Assert.Equal(agentId, odd.Raw.GetProperty("agent_id").GetRawText());
    }

    [Theory]
    [InlineData("Agent", AssignType.Agent)]
    [InlineData(" ROBOT ", AssignType.Robot)]
    [InlineData("UROBOT", AssignType.Urobot)]
    public void Assign_type_is_read_in_any_case_and_trimmed(string declared, AssignType expected)
    {
        var reply = Parse($$"""{"customer_token":"axb","assign_type":"{{declared}}","messages":[]}""");

        Assert.Equal(expected, reply.AssignType);
    }

    [Theory]
    [InlineData("""[{"type":"message","message_id":"m1","data":{"content":"x"}}]""", AssignType.Agent)]
    [InlineData("""[{"type":"message","message_id":"r1","data":{"question_id":0,"answer":"Hi"}}]""", AssignType.Robot)]
    [InlineData("""{"sessionId":1,"logId":2,"ansContent":"Hi"}""", AssignType.Urobot)]
    public void A_missing_assign_type_is_inferred_from_the_messages(string messages, AssignType expected)
    {
        var reply = Parse($$"""{"customer_token":"axb","messages":{{messages}}}""");

        Assert.Equal(expected, reply.AssignType);
        Assert.IsNotType<UnreadableMessage>(reply.Messages.Single());
    }

    [Fact]
    public void A_type_in_another_case_is_the_same_kind()
    {
        var (odd, _) = ParseBeside("""{"type":"Close","message_id":"c1","data":{"content":"Closed"}}""");

        Assert.Equal(MessageType.Close, odd.Kind);
        Assert.True(odd.IsCustomerVisible);
        Assert.Equal("Close", odd.Type);
    }

    [Fact]
    public void The_h5_offline_push_names_its_customer_by_web_token()
    {
        var reply = Parse("""{"web_token":"h5-visitor","messages":[{"type":"message","message_id":"udesk_8561762919969593","data":{"content":"Hi","msg_close":true}}]}""");

        Assert.Equal("h5-visitor", reply.CustomerToken);
        Assert.Equal(AssignType.Agent, reply.AssignType);
        var message = Assert.IsType<AgentReplyMessage>(reply.Messages.Single());
        Assert.Equal("udesk_8561762919969593", message.Id);
        Assert.True(message.Data!.Extra!.ContainsKey("msg_close"));
    }

    [Fact]
    public void A_numeric_customer_token_is_read_as_its_text()
    {
        Assert.Equal("12345", Parse("""{"customer_token":12345,"assign_type":"agent","messages":[]}""").CustomerToken);
    }

    [Fact]
    public void The_spec_bare_urobot_message_names_no_customer()
    {
        var push = UdeskPushParser.Parse("""{"sessionId":1835244,"logId":3574331,"aid":12,"ansContent":"Appeal process","ansType":1}"""u8.ToArray());

        Assert.Contains("bare urobot message", Assert.IsType<UnattributablePush>(push).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_sent_as_a_single_object_are_one_message()
    {
        var reply = Parse("""{"customer_token":"u","assign_type":"urobot","messages":{"sessionId":"1835244","logId":3574331,"ansContent":"Appeal process","ansType":1.2}}""");

        var urobot = Assert.IsType<UrobotReplyMessage>(reply.Messages.Single());
        Assert.Equal("3574331", urobot.Id);
        Assert.Equal(1, urobot.AnswerType);
    }

    [Theory]
    [InlineData("\"20170711 09:52:11\"", "2017-07-11T09:52:11+08:00")]
    [InlineData("\"2018-01-01 00:00:00\"", "2018-01-01T00:00:00+08:00")]
    [InlineData("\"2018-01-01T00:00:00Z\"", "2018-01-01T08:00:00+08:00")]
    [InlineData("1514736000", "2018-01-01T00:00:00+08:00")]
    public void Message_times_are_read_in_every_udesk_format(string createdAt, string expected)
    {
        var (odd, _) = ParseBeside($$$"""{"type":"message","message_id":"m1","message_created_at":{{{createdAt}}},"data":{"content":"x"}}""");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), odd.MessageCreatedAt!.Value.Value);
    }

    [Fact]
    public void A_read_status_takes_a_numeric_string_session_and_numeric_message_ids()
    {
        var status = Assert.IsType<ReadStatusNotification>(UdeskPushParser.Parse("""{"session_id":" 1234 ","message_ids":["a",42]}"""u8.ToArray()));

        Assert.Equal(1234, status.SessionId);
        Assert.Equal(["a", "42"], status.MessageIds);
    }

    [Fact]
    public void A_field_still_unreadable_sets_aside_that_message_only()
    {
        var reply = Parse($$$"""{"customer_token":"axb","assign_type":"agent","messages":[{"type":"audio","message_id":"a1","data":{"duration":"3.x"}},{{{Welcome}}}]}""");

        var unreadable = Assert.IsType<UnreadableMessage>(reply.Messages[0]);
        Assert.Equal("a1", unreadable.Id);
        Assert.StartsWith("data.duration: '3.x' is not a number", unreadable.Reason, StringComparison.Ordinal);
        Assert.IsType<AgentReplyMessage>(reply.Messages[1]);
    }
}
