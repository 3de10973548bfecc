using Orchestrator.Conversations.Delivery;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Delivery;

/// <summary>The HTTP side of webhook delivery; the actors come from <c>WithDelivery</c> in the actor setup.</summary>
internal static class DeliveryServices
{
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services, IReadOnlyDictionary<string, TenantOptions> tenants)
    {
        var webhooks = tenants.Where(t => t.Value.Webhook is not null).ToDictionary(t => t.Key, t => t.Value.Webhook!, StringComparer.Ordinal);
        services.AddHttpClient(HttpWebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<IWebhookSender>(sp => new HttpWebhookSender(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>(),
            webhooks,
            sp.GetRequiredService<DeliveryOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The tenants whose events are delivered by webhook, as delivery sees them.</summary>
    public static IReadOnlyList<WebhookSubscription> Subscriptions(IReadOnlyDictionary<string, TenantOptions> tenants) =>
        tenants.Where(t => t.Value.Webhook is not null).Select(t => new WebhookSubscription(t.Key, t.Value.Webhook!.IncludeInternal)).ToList();
}
