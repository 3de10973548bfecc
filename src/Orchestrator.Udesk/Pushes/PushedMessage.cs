using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Messages;

namespace Orchestrator.Udesk.Pushes;

/// <summary>One message of a reply notification, in the format of its <c>assign_type</c>.</summary>
public abstract record PushedMessage : UdeskObject
{
    /// <summary>Udesk's id of the message: what repeated deliveries share.</summary>
    [JsonIgnore]
    public abstract string? Id { get; }

    /// <summary>
    /// The message or event type (see <see cref="MessageType"/>) in lower case; unknown types are kept as sent,
    /// lower-cased, so they compare case-insensitively.
    /// </summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>Whether the customer should see it; agent-only and unsupported types are recorded, not shown.</summary>
    [JsonIgnore]
    public bool IsCustomerVisible => MessageType.CustomerVisible.Contains(Kind);

    /// <summary>
    /// The message exactly as Udesk sent it, all of its text valid Unicode so it can be written again.
    /// Undefined on an <see cref="UnreadableMessage"/>, whose bytes are in <see cref="UnreadableMessage.RawUtf8"/>.
    /// </summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    /// <summary>The <see cref="Kind"/> of a message whose <c>type</c> is <paramref name="type"/>; untyped messages are text.</summary>
    protected static string KindOf(string? type) =>
        string.IsNullOrWhiteSpace(type) ? MessageType.Text : type.Trim().ToLowerInvariant();
}
