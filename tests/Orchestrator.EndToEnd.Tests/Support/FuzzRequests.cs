using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>One HTTP request a fuzzer made; <see cref="Token"/> is the conversation it names, if any.</summary>
public sealed record FuzzRequest(HttpMethod Method, string Path, byte[]? Body, string? Token)
{
    public override string ToString() =>
        $"{Method} {(Path.Length > 300 ? Path[..300] + "…" : Path)} {(Body is null ? "" : Encoding.UTF8.GetString(Body.Take(300).ToArray()))}";
}

/// <summary>FsCheck generators for what a platform or a stranger may send: odd tokens, odd JSON, odd bytes.</summary>
public static class FuzzRequests
{
    /// <summary>Every platform route under <c>/v1</c> but the streams (they stay open), with <c>{t}</c> for the customer token.</summary>
    public static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "v1/conversations/{t}"), ("POST", "v1/conversations/{t}/session"), ("DELETE", "v1/conversations/{t}/session"),
        ("DELETE", "v1/conversations/{t}/queue"), ("POST", "v1/conversations/{t}/messages"), ("PUT", "v1/conversations/{t}/preview"),
        ("GET", "v1/conversations/{t}/events?after={n}&limit={n}&wait=0&include={s}"), ("GET", "v1/conversations/{t}/queue-status"),
        ("GET", "v1/conversations/{t}/customer-status"), ("GET", "v1/conversations/{t}/unread-offline"), ("POST", "v1/conversations/{t}/online-state"),
        ("POST", "v1/conversations/{t}/read"), ("POST", "v1/conversations/{t}/survey"), ("POST", "v1/conversations/{t}/robot-survey"),
        ("POST", "v1/conversations/{t}/answer-survey"), ("POST", "v1/conversations/{t}/robot-usefulness"), ("POST", "v1/conversations/{t}/transfer-survey"),
        ("POST", "v1/conversations/{t}/struct-messages"), ("POST", "v1/conversations/{t}/flow"), ("POST", "v1/conversations/{t}/hit"),
        ("PUT", "v1/customers/{t}"), ("GET", "v1/udesk/agents/status?agent_ids={s}"), ("GET", "v1/udesk/agents/unread?agent_id={n}"),
        ("GET", "v1/udesk/urobots"), ("GET", "v1/udesk/sensitive-words"), ("GET", "v1/udesk/customer-status?customer_token={t}"),
        ("GET", "v1/udesk/abandoned-queues?start_time={s}&end_time={s}"), ("DELETE", "v1/udesk/sessions?start_time={s}&end_time={s}"),
        ("GET", "v1/udesk/pushes/quarantined?limit={n}&after={s}"), ("GET", "v1/deliveries/dead?limit={n}"), ("POST", "v1/deliveries/dead/{s}/replay"),
        ("GET", $"udesk/{OrchestratorInstance.Tenant}/struct-page?{{s}}={{s}}"), ("POST", $"udesk/{OrchestratorInstance.Tenant}/struct-page/send"),
    ];

    private static readonly string[] OddTokens =
    [
        "%FF%FE", "%C0%AF", "%ED%A0%80", "%00", "a%2Fb", "%2E%2E", "..", "%20", "a%20b", "%E9%A1%BE%E5%AE%A2", "%F0%9F%98%80", "%25", "%3F%23",
        new string('x', 257), new string('y', 2000), string.Concat(Enumerable.Repeat("%FF", 700)), "-", "_", "A", "null", "0", "%7B%7D",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\0", "\ud800", "\udfff", "顾客", "😀", "<script>", "' OR 1=1 --", "-1", "0", "9223372036854775808", "1e309", "NaN", "true",
        "2026-11-28 12:00:00", "20170711 09:52:11", new string('z', 70_000), "agent", "robot", "urobot", "message", "image", "rich", "struct",
    ];

    private static readonly string[] Fields =
    [
        "message_id", "type", "data", "content", "assign_type", "agent_id", "group_id", "option_id", "session_id", "log_id", "flow_id", "question_id",
        "useful", "im_sub_session_id", "customer_token", "name", "template", "values", "status", "messages", "nick_name", "email", "cellphone", "remark",
        "id", "robot_id", "scene_id", "sessionId", "logId", "duration", "channel", "ip", "description", "customer", "extra",
    ];

    public static Gen<string> Strings => Gen.OneOf(Gen.Elements(OddStrings), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    /// <summary>A path segment: an odd token as sent on the wire, or any string percent-encoded.</summary>
    public static Gen<string> Tokens => Gen.OneOf(Gen.Elements(OddTokens), Strings.Select(Escape));

    public static Gen<JsonNode?> Scalars => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false), JsonValue.Create(long.MaxValue), JsonValue.Create(-1), JsonValue.Create(0),
            JsonValue.Create(1.5e308), JsonValue.Create(397), JsonValue.Create(0.5)),
        ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
        Strings.Select(s => (JsonNode?)JsonValue.Create(s)));

    public static Gen<JsonNode?> Json(int depth) => depth <= 0
        ? Scalars
        : Gen.Frequency(
            (3, Scalars),
            (1, Gen.Choose(0, 4).SelectMany(n => Json(depth - 1).ArrayOf(n)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (2, Objects(depth - 1).Select(o => (JsonNode?)o)));

    /// <summary>Objects with the routes' field names (and others), values of any shape.</summary>
    public static Gen<JsonObject> Objects(int depth) =>
        Gen.Choose(0, 6).SelectMany(n => Gen.Zip(Gen.OneOf(Gen.Elements(Fields), Strings), Json(depth)).ArrayOf(n)).Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (name, value) in pairs)
            {
                o[name] = value?.DeepClone();
            }

            return o;
        });

    /// <summary>A body: JSON of any shape (mostly objects), or bytes that are not JSON or not UTF-8, or nothing.</summary>
    public static Gen<byte[]?> Bodies => Gen.Frequency<byte[]?>(
        (6, Objects(3).Select(o => Utf8(o))),
        (2, Json(3).Select(j => Utf8(j))),
        (1, Gen.Elements<byte[]?>(null, [], [0xff, 0xfe], "{"u8.ToArray(), "null"u8.ToArray(), Encoding.UTF8.GetBytes(new string('[', 5000)),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)), [.. "{\"message_id\":\"x\xff\"}"u8.ToArray()])),
        (1, ArbMap.Default.GeneratorFor<byte[]>().Select(b => (byte[]?)b)));

    public static Gen<FuzzRequest> PlatformRequests =>
        from route in Gen.Elements(Routes)
        from token in Tokens
        from value in Strings.Select(Escape)
        from number in Gen.Elements("0", "-1", "1", "1000", "1001", "9223372036854775808", "x", "")
        from body in Bodies
        let path = route.Path.Replace("{t}", token, StringComparison.Ordinal).Replace("{s}", value, StringComparison.Ordinal).Replace("{n}", number, StringComparison.Ordinal)
        select new FuzzRequest(new HttpMethod(route.Method), path, route.Method is "GET" or "DELETE" ? null : body, route.Path.Contains("{t}", StringComparison.Ordinal) ? token : null);

    /// <summary>Push bodies: Udesk's shape with odd fields and values, or anything at all.</summary>
    public static Gen<byte[]?> PushBodies => Gen.Frequency<byte[]?>(
        (3, from token in Strings
            from assign in Gen.OneOf(Strings.Select(s => (JsonNode?)JsonValue.Create(s)), Scalars)
            from messages in Gen.OneOf(Objects(2).ArrayOf().Select(m => (JsonNode?)new JsonArray(m.Select(x => (JsonNode?)x).ToArray())), Json(2))
            select Utf8(new JsonObject { ["customer_token"] = token, ["assign_type"] = assign?.DeepClone(), ["messages"] = messages?.DeepClone() })),
        (1, Bodies));

    private static byte[]? Utf8(JsonNode? node)
    {
        try
        {
            return Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return [0x7b, 0xed, 0xa0, 0x80]; // text the serializer refused: send bytes that are not UTF-8 instead
        }
    }

    private static string Escape(string s)
    {
        try
        {
            return Uri.EscapeDataString(s);
        }
        catch (UriFormatException)
        {
            return "%ED%A0%80";
        }
    }
}
