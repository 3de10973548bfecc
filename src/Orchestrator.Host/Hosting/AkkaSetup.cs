using Akka.Hosting;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Overview;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Retention;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Host.Clustering;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Delivery;
using Orchestrator.Host.Retention;
using Orchestrator.Host.Operations;

namespace Orchestrator.Host.Hosting;

/// <summary>The actor system: remoting, the cluster, the journal and the conversations, from validated settings.</summary>
internal static class AkkaSetup
{
    public const string SystemName = "orchestrator";

    public static IServiceCollection AddOrchestratorActors(this IServiceCollection services, IConfiguration configuration, IReadOnlyDictionary<string, TenantOptions>? tenants = null)
    {
        var cluster = ValidatedConfiguration.Bind(configuration, ClusterSettings.Section, new ClusterSettingsValidator());
        var store = ValidatedConfiguration.Bind(configuration, ConversationStoreOptions.Section, new ConversationStoreOptionsValidator());
        var conversations = ValidatedConfiguration.Bind<ConversationSettings>(configuration, "Orchestrator:Conversations");
        var limits = ValidatedConfiguration.Bind<CallBudgetOptions>(configuration, "Orchestrator:Udesk:Limits");
        var delivery = ValidatedConfiguration.Bind<DeliveryOptions>(configuration, DeliveryOptions.Section);
        var retention = ValidatedConfiguration.Bind(configuration, RetentionOptions.Section, new RetentionOptionsValidator());
        var subscriptions = DeliveryServices.Subscriptions(tenants ?? new Dictionary<string, TenantOptions>());
        services.AddSingleton(delivery);
        services.AddSingleton(store);
        services.AddSingleton(retention);
        services.AddSingleton(new JournalEraser(store));
        services.AddSingleton<ErasureClient>();
        // Kestrel's drain and the cluster leave (CoordinatedShutdown, run by Akka.Hosting) share this bound.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = cluster.ShutdownTimeout);

        services.AddAkka(SystemName, akka =>
        {
            akka.WithOrchestratorCluster(cluster, store, TimeProvider.System)
                .WithConversationStore(store)
                .WithConversations(conversations, limits)
                .WithRetention(retention, store, conversations);
            if (ConsoleAccess.Enabled(configuration))
            {
                // The console's overview reads the whole journal at start: only where the console is served.
                akka.WithConversationOverview();
            }

            if (subscriptions.Count > 0)
            {
                // Tenants without a webhook cost nothing; with none at all, delivery does not run.
                akka.WithDelivery(delivery, subscriptions);
            }
        });
        return services.AddHostedService<ReadJournalStartup>();
    }
}
