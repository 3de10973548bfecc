using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Tests.Pushes;

/// <summary>
/// A push body built from the spec's message shapes, every decision (which message, which field replaced by which odd
/// value, which unknown field added) taken from a list of choices FsCheck generates and shrinks. Records where each
/// item of <c>messages</c> lies in the body, so a parsed message can be checked against its exact bytes.
/// </summary>
internal sealed class GeneratedPushBody
{
    private static readonly JsonNode[] Samples =
    [
        JsonNode.Parse("""{"type":"message","message_id":"m1","agent_id":1,"agent_name":"TOM","im_sub_session_id":3,"message_created_at":"20170711 09:52:11","data":{"font":"f","content":"Hello"}}""")!,
        JsonNode.Parse("""{"type":"audio","message_id":"m2","im_sub_session_id":3,"message_created_at":"2018-01-01 00:00:00","data":{"content":"https://x/a.amr","filename":"a.amr","filesize":"4.3M","duration":200}}""")!,
        JsonNode.Parse("""{"type":"close","message_id":"m3","im_sub_session_id":3,"data":{"close_type":"normal","content":"Closed","survey_options":{"show_type":"text","options":[{"id":36,"text":"Good","enabled":true}],"text":{"default_option_id":36,"options":[{"id":36,"text":"Good"}]}}}}""")!,
        JsonNode.Parse("""{"type":"message","message_id":"r1","data":{"question_id":210530,"question_title":"Q","answer":"A","gus_list":[{"question_title":"G"}],"relate_list":[{"question_title":"R"}],"third_url":{"url":"https://www.udesk.cn"}}}""")!,
        JsonNode.Parse("""{"sessionId":1835244,"logId":3574331,"aid":12,"ansContent":"Appeal","ansType":1,"hitQuestion":"H","suggestQuestionList":[{"id":434,"content":"Q1","type":1}],"flowId":2,"flowTitle":"F","flowContent":"<p>x</p>"}""")!,
    ];

    private static readonly byte[][] OddValues =
    [
        .. new[]
        {
            "7", "\"42\"", "\"\"", "\"  \"", "null", """{"a":1}""", """[1,"x"]""", "true", "false", "2.5", "\"3.7\"", "1e30", "-1",
            "\"3.x\"", "\"Agent\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\ud83d\\ude00\"",
        }.Select(Encoding.UTF8.GetBytes),
        [(byte)'"', 0xC3, 0x28, (byte)'"'],
        [(byte)'"', 0xFF, (byte)'"'],
    ];

    private static readonly string[] AssignTypes = ["agent", "robot", "urobot", "Agent", " ROBOT ", "bot"];

    private readonly int[] choices;
    private readonly List<byte> bytes = [];
    private readonly List<Range> items = [];
    private int next;

    private GeneratedPushBody(int[] choices) => this.choices = choices;

    public byte[] Body => [.. bytes];

    /// <summary>Where each item of <c>messages</c> lies in <see cref="Body"/>.</summary>
    public IReadOnlyList<Range> Items => items;

    /// <summary>A reply notification with the valid customer token <c>cust-1</c>, the rest of it generated.</summary>
    public static GeneratedPushBody Reply(int[] choices)
    {
        var body = new GeneratedPushBody(choices);
        body.Write("""{"customer_token":"cust-1",""");
        if (body.Choose(4) > 0)
        {
            body.Write($"\"assign_type\":{JsonValue.Create(AssignTypes[body.Choose(AssignTypes.Length)]).ToJsonString()},");
        }

        body.WriteExtraFields();
        body.Write("\"messages\":");
        if (body.Choose(5) == 0)
        {
            // A single object, as the urobot sends; its fields may still be odd.
            var start = body.bytes.Count;
            body.WriteValue(Samples[body.Choose(Samples.Length)]);
            body.items.Add(start..body.bytes.Count);
        }
        else
        {
            body.Write("[");
            var count = body.Choose(5);
            for (var i = 0; i < count; i++)
            {
                body.Write(i == 0 ? "" : ",");
                body.WriteItem();
            }

            body.Write("]");
        }

        body.Write("}");
        return body;
    }

    private int Choose(int bound)
    {
        var value = next < choices.Length ? choices[next++] : 0;
        return ((value % bound) + bound) % bound;
    }

    private void Write(string text) => bytes.AddRange(Encoding.UTF8.GetBytes(text));

    private void WriteItem()
    {
        var start = bytes.Count;
        // Mostly a spec message; now and then an odd value where a message should be.
        if (Choose(8) == 0)
        {
            bytes.AddRange(OddValues[Choose(OddValues.Length)]);
        }
        else
        {
            WriteNode(Samples[Choose(Samples.Length)]);
        }

        items.Add(start..bytes.Count);
    }

    private void WriteNode(JsonNode? node)
    {
        // One value in six is replaced by an odd one: every field gets its turn as choices vary.
        if (Choose(6) == 0)
        {
            bytes.AddRange(OddValues[Choose(OddValues.Length)]);
            return;
        }

        WriteValue(node);
    }

    private void WriteValue(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                Write("{");
                foreach (var (name, value) in obj)
                {
                    Write($"{JsonValue.Create(name).ToJsonString()}:");
                    WriteNode(value);
                    Write(",");
                }

                WriteExtraFields();
                Write("\"x_end\":0}");
                break;
            case JsonArray array:
                Write("[");
                for (var i = 0; i < array.Count; i++)
                {
                    Write(i == 0 ? "" : ",");
                    WriteNode(array[i]);
                }

                Write("]");
                break;
            default:
                Write(node?.ToJsonString() ?? "null");
                break;
        }
    }

    /// <summary>Unknown fields, some with names that are not valid Unicode; each followed by a comma.</summary>
    private void WriteExtraFields()
    {
        for (var count = Choose(4) == 0 ? Choose(3) : 0; count > 0; count--)
        {
            var name = Choose(4) switch
            {
                0 => "\"bad\\udfff\""u8.ToArray(),
                1 => [(byte)'"', 0xE2, 0x82, (byte)'"'],
                _ => Encoding.UTF8.GetBytes($"\"vendor_{Choose(3)}\""),
            };
            bytes.AddRange(name);
            Write(":");
            bytes.AddRange(OddValues[Choose(OddValues.Length)]);
            Write(",");
        }
    }
}
