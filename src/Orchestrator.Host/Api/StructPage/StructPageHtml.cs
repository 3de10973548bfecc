using System.Net;
using System.Text;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Api.StructPage;

/// <summary>The list page shown in Udesk's iframe, and the page after a send. Every configured text is HTML-encoded.</summary>
internal static class StructPageHtml
{
    public static string List(IReadOnlyList<StructuredMessageTemplate> templates, StructPageSignature signature, string sendUrl)
    {
        var html = Start("Structured messages");
        if (templates.Count == 0)
        {
            html.Append("<p>No structured messages are configured for this company.</p>");
        }

        foreach (var template in templates)
        {
            html.Append($"<form method=\"post\" action=\"{E(sendUrl)}\" class=\"card\">");
            Hidden(html, "im_sub_session_id", signature.ImSubSessionId);
            Hidden(html, "customer_id", signature.CustomerId);
            Hidden(html, "agent_id", signature.AgentId);
            Hidden(html, "jid_resource", signature.JidResource ?? "");
            Hidden(html, "timestamp", signature.Timestamp);
            Hidden(html, "sign", signature.Sign);
            Hidden(html, "template", template.Name);
            html.Append($"<img src=\"{E(template.ImgUrl)}\" alt=\"\"><div><strong>{E(template.Title)}</strong><p>{E(template.Description)}</p>");
            if (template.Buttons.Count > 0)
            {
                html.Append("<ul>");
                foreach (var button in template.Buttons)
                {
                    html.Append($"<li>{E(button.Text)} <small>({E(button.Type)}: {E(button.Value)})</small></li>");
                }

                html.Append("</ul>");
            }

            html.Append($"<button type=\"submit\">Send</button></div></form>");
        }

        return End(html);
    }

    public static string Sent(StructuredMessageTemplate template, string backLink) =>
        End(Start("Sent").Append($"<p>Sent &ldquo;{E(template.Title)}&rdquo; to the customer.</p><p><a href=\"{E(backLink)}\">Back to the list</a></p>"));

    private static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
        .Append($"<title>{E(title)}</title><style>")
        .Append("body{font-family:system-ui,sans-serif;margin:12px;font-size:14px}")
        .Append(".card{display:flex;gap:10px;border:1px solid #ddd;border-radius:6px;padding:8px;margin:0 0 8px}")
        .Append(".card img{width:72px;height:72px;object-fit:cover;border-radius:4px}.card p{margin:4px 0}.card ul{margin:4px 0;padding-left:18px}")
        .Append("</style></head><body>")
        .Append($"<h1 style=\"font-size:16px\">{E(title)}</h1>");

    private static string End(StringBuilder html) => html.Append("</body></html>").ToString();

    private static void Hidden(StringBuilder html, string name, string value) =>
        html.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{E(value)}\">");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
