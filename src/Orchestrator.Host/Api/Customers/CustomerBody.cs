using System.Net.Mail;
using System.Text.Json;
using Orchestrator.Udesk.Customers;

namespace Orchestrator.Host.Api.Customers;

/// <summary>
/// Body of <c>PUT /v1/customers/{token}</c>: the Udesk customer whose <c>open_api_token</c> is the customer token.
/// Fields left out are not changed on update; a new customer without <c>nick_name</c> is named by its token.
/// </summary>
/// <param name="Cellphones">Numbers to add; numbers the customer already has are not sent again.</param>
/// <param name="CustomFields">Udesk custom fields by their key (e.g. <c>TextField_1</c>).</param>
public sealed record CustomerBody(
    string? NickName = null,
    string? Email = null,
    IReadOnlyList<string?>? Cellphones = null,
    string? Description = null,
    string? Level = null,
    long? OwnerId = null,
    long? OwnerGroupId = null,
    long? OrganizationId = null,
    Dictionary<string, JsonElement>? CustomFields = null,
    IReadOnlyList<string?>? Tags = null)
{
    public const int MaxTextLength = 255;
    public const int MaxCellphoneLength = 32;

    internal IResult? Problem() =>
        NickName is not null && (string.IsNullOrWhiteSpace(NickName) || NickName.Length > MaxTextLength)
            ? Invalid("nick_name", $"nick_name must be 1 to {MaxTextLength} characters.")
        : Email is not null && (Email.Length > MaxTextLength || !MailAddress.TryCreate(Email, out _))
            ? Invalid("email", "email must be an e-mail address.")
        : Cellphones is not null && Cellphones.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxCellphoneLength)
            ? Invalid("cellphones", $"cellphones must be numbers of 1 to {MaxCellphoneLength} characters.")
        : Level is not null && (string.IsNullOrWhiteSpace(Level) || Level.Length > MaxTextLength)
            ? Invalid("level", "level must not be empty (e.g. normal, vip).")
        : OwnerId is <= 0 ? Invalid("owner_id", "owner_id must be positive.")
        : OwnerGroupId is <= 0 ? Invalid("owner_group_id", "owner_group_id must be positive.")
        : OrganizationId is <= 0 ? Invalid("organization_id", "organization_id must be positive.")
        : CustomFields is not null && CustomFields.Keys.Any(string.IsNullOrWhiteSpace)
            ? Invalid("custom_fields", "custom_fields keys must not be empty.")
        : Tags is not null && Tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Contains(','))
            ? Invalid("tags", "tags must be non-empty and contain no commas.")
        : null;

    /// <summary>The Udesk request: a creation when <paramref name="existing"/> is null, else an update of it.</summary>
    internal CustomerRequest ToUdesk(string token, Customer? existing)
    {
        var known = existing?.Cellphones?.Select(pair => pair.Count > 1 ? pair[1] : null).OfType<string>().ToHashSet() ?? [];
        var added = Cellphones?.Select(c => c!.Trim()).Distinct().Where(c => !known.Contains(c)).Select(c => (IReadOnlyList<string?>)[null, c]).ToList();
        var customer = new Customer
        {
            NickName = NickName ?? (existing is null ? token : null),
            OpenApiToken = existing is null ? token : null,
            Email = Email,
            Cellphones = added is { Count: > 0 } ? added : null,
            Description = Description,
            Level = Level,
            OwnerId = OwnerId,
            OwnerGroupId = OwnerGroupId,
            OrganizationId = OrganizationId,
            CustomFields = CustomFields,
        };
        return new CustomerRequest(customer) { Tags = Tags is null ? null : string.Join(',', Tags.Select(t => t!.Trim())) };
    }

    private static IResult Invalid(string field, string detail) => Problems.Result(Problems.Invalid(field, detail));
}
