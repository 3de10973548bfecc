using System.Text.Json;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Customers;

/// <summary>
/// A Udesk customer. <see cref="OpenApiToken"/> is what the IM API calls <c>customer_token</c>.
/// Fields Udesk adds that are not modelled here are kept in <see cref="UdeskObject.Extra"/>.
/// </summary>
public sealed record Customer : UdeskObject
{
    public long? Id { get; init; }

    public string? NickName { get; init; }

    public string? Email { get; init; }

    public string? OpenApiToken { get; init; }

    /// <summary>Pairs of [id, number]: <c>[[null, "136..."]]</c> adds a number.</summary>
    public IReadOnlyList<IReadOnlyList<string?>>? Cellphones { get; init; }

    public string? Description { get; init; }

    /// <summary><c>normal</c>, <c>vip</c>, ...</summary>
    public string? Level { get; init; }

    public long? OwnerId { get; init; }

    public long? OwnerGroupId { get; init; }

    public long? OrganizationId { get; init; }

    public string? WebToken { get; init; }

    public string? SdkToken { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? CustomFields { get; init; }
}
