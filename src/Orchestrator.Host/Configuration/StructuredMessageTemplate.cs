using Orchestrator.Udesk.StructuredMessages;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// One structured message an agent can pick on the embedded list page
/// (<c>Orchestrator:Tenants:{name}:StructuredMessages:{i}</c>): a card with an image and buttons.
/// </summary>
public sealed class StructuredMessageTemplate
{
    public static readonly IReadOnlyList<string> ButtonTypes = ["link", "phone", "sdk_callback"];

    /// <summary>Identifies the template on the page's form; unique within the tenant.</summary>
    public string Name { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Absolute http(s) URL of the card's image.</summary>
    public string ImgUrl { get; set; } = "";

    public List<StructuredMessageTemplateButton> Buttons { get; set; } = [];

    public StructuredMessage ToUdesk() =>
        new(Title, Description, ImgUrl, Buttons.Select(b => new StructuredMessageButton(b.Type, b.Text, b.Value) { CallbackName = b.CallbackName }).ToList());

    /// <summary>What is wrong with this template, each problem naming the setting under <paramref name="path"/>.</summary>
    public IEnumerable<string> Problems(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{path}:Name is required.";
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            yield return $"{path}:Title is required.";
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            yield return $"{path}:Description is required.";
        }

        if (!Uri.TryCreate(ImgUrl, UriKind.Absolute, out var image) || image.Scheme is not ("http" or "https"))
        {
            yield return $"{path}:ImgUrl must be an absolute http(s) URL.";
        }

        for (var i = 0; i < Buttons.Count; i++)
        {
            var button = Buttons[i];
            if (!ButtonTypes.Contains(button.Type))
            {
                yield return $"{path}:Buttons:{i}:Type must be one of {string.Join(", ", ButtonTypes)}.";
            }

            if (string.IsNullOrWhiteSpace(button.Text) || string.IsNullOrWhiteSpace(button.Value))
            {
                yield return $"{path}:Buttons:{i} needs Text and Value.";
            }

            if (button.Type == "sdk_callback" && string.IsNullOrWhiteSpace(button.CallbackName))
            {
                yield return $"{path}:Buttons:{i}:CallbackName is required for an sdk_callback button.";
            }
        }
    }
}

/// <summary>A button of a <see cref="StructuredMessageTemplate"/>.</summary>
public sealed class StructuredMessageTemplateButton
{
    /// <summary><c>link</c>, <c>phone</c> or <c>sdk_callback</c> (SDK channels only).</summary>
    public string Type { get; set; } = "link";

    public string Text { get; set; } = "";

    /// <summary>The URL, phone number or callback value.</summary>
    public string Value { get; set; } = "";

    /// <summary>For <c>sdk_callback</c> buttons.</summary>
    public string? CallbackName { get; set; }
}
