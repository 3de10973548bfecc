using System.Runtime.InteropServices;
using System.Text.Json;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Udesk.Pushes;

/// <summary>Reads one item of <c>messages</c>; an item it cannot read becomes an <see cref="UnreadableMessage"/>.</summary>
internal static class PushedMessageReader
{
    public static PushedMessage Read(AssignType assignType, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Unreadable(item, $"the message is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        }

        // Checked before anything reads the text: invalid Unicode throws InvalidOperationException on reading and writing.
        if (JsonUnicode.FindInvalid(item) is { } path)
        {
            return Unreadable(item, $"{(path.Length == 0 ? "the message" : path)}: not valid Unicode.");
        }

        try
        {
            PushedMessage message = assignType switch
            {
                AssignType.Robot => item.Deserialize<RobotReplyMessage>(UdeskJson.Options)!,
                AssignType.Urobot => item.Deserialize<UrobotReplyMessage>(UdeskJson.Options)!,
                _ => item.Deserialize<AgentReplyMessage>(UdeskJson.Options)!,
            };
            return message with { Raw = item.Clone() };
        }
        catch (JsonException e)
        {
            return Unreadable(item, NestedJson.Describe(e));
        }
    }

    private static UnreadableMessage Unreadable(JsonElement item, string reason) => new()
    {
        MessageId = SafeJson.TextOf(SafeJson.Find(item, "message_id"u8)) ?? SafeJson.TextOf(SafeJson.Find(item, "logId"u8)),
        RawUtf8 = JsonMarshal.GetRawUtf8Value(item).ToArray(),
        Reason = reason,
    };
}
