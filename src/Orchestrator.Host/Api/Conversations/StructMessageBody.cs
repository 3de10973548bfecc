using Orchestrator.Host.Configuration;
using Orchestrator.Udesk.StructuredMessages;
using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>Body of <c>POST .../struct-messages</c>: a card with an image and buttons into the agent session.</summary>
/// <param name="CustomerId">Udesk's id of the customer; looked up by the customer token when absent.</param>
/// <param name="JidResource">The SDK channel source, for sessions from an SDK.</param>
public sealed record StructMessageBody(
    string? Title,
    string? Description,
    string? ImgUrl,
    IReadOnlyList<StructMessageButtonBody?>? Buttons,
    long? CustomerId = null,
    string? JidResource = null)
{
    public const int MaxButtons = 10;

    internal IResult? Problem()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            return Invalid("title", "title is required.");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            return Invalid("description", "description is required.");
        }

        if (!Uri.TryCreate(ImgUrl, UriKind.Absolute, out var image) || image.Scheme is not ("http" or "https"))
        {
            return Invalid("img_url", "img_url is required: an absolute http(s) URL.");
        }

        if (Buttons is null || Buttons.Count > MaxButtons)
        {
            return Invalid("buttons", $"buttons is required: 0 to {MaxButtons} buttons.");
        }

        if (CustomerId is <= 0)
        {
            return Invalid("customer_id", "customer_id must be positive when given.");
        }

        for (var i = 0; i < Buttons.Count; i++)
        {
            if (Buttons[i]?.Problem($"buttons[{i}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    internal StructuredMessage ToUdesk() =>
        new(Title!, Description!, ImgUrl!, Buttons!.Select(b => new StructuredMessageButton(b!.Type!, b.Text!, b.Value!) { CallbackName = b.CallbackName }).ToList());
}

/// <summary>A button: <c>link</c> (URL), <c>phone</c> (number) or <c>sdk_callback</c> (SDK only, with <c>callback_name</c>).</summary>
public sealed record StructMessageButtonBody(string? Type, string? Text, string? Value, string? CallbackName = null)
{
    internal IResult? Problem(string path) =>
        Type is null || !StructuredMessageTemplate.ButtonTypes.Contains(Type)
            ? Invalid($"{path}.type", $"{path}.type must be one of {string.Join(", ", StructuredMessageTemplate.ButtonTypes)}.")
        : string.IsNullOrWhiteSpace(Text) ? Invalid($"{path}.text", $"{path}.text is required.")
        : string.IsNullOrWhiteSpace(Value) ? Invalid($"{path}.value", $"{path}.value is required.")
        : Type == "sdk_callback" && string.IsNullOrWhiteSpace(CallbackName) ? Invalid($"{path}.callback_name", $"{path}.callback_name is required for sdk_callback buttons.")
        : null;
}
