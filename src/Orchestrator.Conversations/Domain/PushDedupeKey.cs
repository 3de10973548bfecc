using System.Security.Cryptography;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// What a redelivered push message is recognised by: its <c>message_id</c>, or for an unreadable message without a
/// readable id, a digest of its bytes (Udesk redelivers the same bytes).
/// </summary>
public static class PushDedupeKey
{
    public static string? Of(PushedItem item) => item switch
    {
        PushedItem.Unreadable unreadable => OfUnreadable(unreadable.MessageId, unreadable.RawUtf8),
        { MessageId: { Length: > 0 } id } => id,
        _ => null,
    };

    public static string OfUnreadable(string? messageId, byte[] rawUtf8) =>
        string.IsNullOrEmpty(messageId) ? "unreadable:" + Convert.ToHexStringLower(SHA256.HashData(rawUtf8).AsSpan(0, 16)) : messageId;
}
