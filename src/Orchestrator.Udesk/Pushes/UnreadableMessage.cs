using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Pushes;

/// <summary>
/// One message of a batch that could not be read; kept losslessly as its bytes, so the rest of the batch can be
/// applied and the push answered 200 (Udesk resends anything else forever). Never shown to the customer.
/// </summary>
public sealed record UnreadableMessage : PushedMessage
{
    public const string UnreadableKind = "unreadable";

    /// <summary>Best effort: <c>message_id</c>, or the urobot <c>logId</c>, when that field alone is readable.</summary>
    public string? MessageId { get; init; }

    /// <summary>The message's exact bytes as received (they may not be valid UTF-8).</summary>
    public required byte[] RawUtf8 { get; init; }

    /// <summary>Names the offending field, e.g. <c>data.duration: '3.x' is not a number.</c></summary>
    public required string Reason { get; init; }

    // Overrides do not inherit the base's [JsonIgnore]: without it these would be written as invented fields.
    [JsonIgnore]
    public override string? Id => MessageId;

    [JsonIgnore]
    public override string Kind => UnreadableKind;
}
