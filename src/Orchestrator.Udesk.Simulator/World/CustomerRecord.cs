using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>
/// A customer: the fields given on creation or update kept as sent (so they come back unchanged), plus the
/// ones Udesk owns. <see cref="Token"/> is the <c>open_api_token</c>, i.e. the IM <c>customer_token</c>.
/// </summary>
internal sealed class CustomerRecord(long id, string token, JsonObject fields, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public string Token { get; } = token;

    public JsonObject Fields { get; } = fields;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? Tags { get; set; }

    /// <summary>Set by <c>/im/customer_online_state</c>; agent messages sent while offline count as unread.</summary>
    public bool Online { get; set; } = true;

    public string NickName => Fields["nick_name"]?.ToString() ?? "";

    public string? Text(string field) => Fields[field] is JsonValue value ? value.ToString() : null;

    public CustomerView View() => new(Id, Token, NickName, Online);
}
