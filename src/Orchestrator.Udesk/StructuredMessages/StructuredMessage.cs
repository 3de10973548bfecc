using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.StructuredMessages;

/// <summary>A card with an image and buttons, sent to the customer by <c>POST /im/sessions/struct_messages</c>.</summary>
public sealed record StructuredMessage(string Title, string Description, string ImgUrl, IReadOnlyList<StructuredMessageButton> Buttons);

/// <summary><c>link</c>, <c>phone</c> or <c>sdk_callback</c> (SDK only, with <see cref="CallbackName"/>).</summary>
public sealed record StructuredMessageButton(string Type, string Text, string Value) : UdeskObject
{
    public string? CallbackName { get; init; }
}
