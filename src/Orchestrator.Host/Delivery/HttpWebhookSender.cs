using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using Orchestrator.Host.Api.Contracts;
using Orchestrator.Host.Configuration;
using Orchestrator.Udesk.Http;

namespace Orchestrator.Host.Delivery;

/// <summary>
/// POSTs one event, as the feed shows it, to the tenant's webhook: signed, with its event id, within
/// <see cref="DeliveryOptions.AttemptTimeout"/>. Every failure is answered, never thrown.
/// </summary>
internal sealed class HttpWebhookSender(
    IHttpClientFactory clients, IOptions<JsonOptions> json, IReadOnlyDictionary<string, WebhookOptions> webhooks, DeliveryOptions options, TimeProvider time)
    : IWebhookSender
{
    public const string ClientName = "orchestrator-webhooks";

    public async Task<WebhookResponse> SendAsync(ConversationId conversation, FeedEntry entry, CancellationToken cancellationToken)
    {
        if (!webhooks.TryGetValue(conversation.Tenant, out var webhook))
        {
            return new WebhookResponse(null, null, $"Tenant '{conversation.Tenant}' has no webhook.");
        }

        var view = FeedEventView.Of(conversation.Tenant, conversation.CustomerToken, entry);
        var body = JsonSerializer.SerializeToUtf8Bytes(view, json.Value.SerializerOptions);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.TargetUri()) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(webhook.Secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookSignature.EventIdHeader, view.EventId);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.AttemptTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            return new WebhookResponse((int)response.StatusCode, response.Headers.RetryAfter.WaitFrom(time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookResponse(null, null, $"no answer within {options.AttemptTimeout}");
        }
        catch (HttpRequestException e)
        {
            return new WebhookResponse(null, null, e.Message);
        }
    }
}
