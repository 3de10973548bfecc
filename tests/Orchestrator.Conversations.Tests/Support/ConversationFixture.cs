using Akka.Actor;
using Akka.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;
using Orchestrator.Udesk.DependencyInjection;

namespace Orchestrator.Conversations.Tests.Support;

/// <summary>The pieces a conversation actor runs with, over a <see cref="ScriptedUdesk"/>.</summary>
public sealed class ConversationFixture : IDisposable
{
    private readonly ServiceProvider services;

    public ConversationFixture(ConversationSettings? settings = null, CallBudgetOptions? limits = null)
    {
        var collection = new ServiceCollection();
        collection.AddUdeskClient(UdeskServiceCollectionExtensions.DefaultCompany, o =>
            {
                o.BaseUrl = new Uri("http://udesk.test/open_api_v1/");
                o.Email = "admin@udesk.cn";
                o.ApiToken = "token";
                // The gateway retries on its own, across restarts: one attempt per call keeps the test's clock honest.
                o.Resilience.MaxRetryAttempts = 1;
                o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Udesk);
        services = collection.BuildServiceProvider();
        Settings = settings ?? new ConversationSettings
        {
            RetryMinBackoff = TimeSpan.FromMilliseconds(20),
            RetryMaxBackoff = TimeSpan.FromMilliseconds(200),
        };
        Limits = limits ?? new CallBudgetOptions { CallsPerMinute = 100_000 };
    }

    public ScriptedUdesk Udesk { get; } = new();

    public ConversationSettings Settings { get; }

    public CallBudgetOptions Limits { get; }

    public IUdeskClientFactory Clients => services.GetRequiredService<IUdeskClientFactory>();

    public static Config InMemoryPersistence => ConfigurationFactory.ParseString("""
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        # As on the SQL journal (hocon/persistence.*.conf): a conversation persists its events wrapped for tagging.
        akka.persistence.journal.inmem.event-adapters.conversation-tags = "Orchestrator.Conversations.Persistence.ConversationTagAdapter, Orchestrator.Conversations"
        akka.persistence.journal.inmem.event-adapter-bindings {
          "Orchestrator.Conversations.Persistence.TenantEvent, Orchestrator.Conversations" = conversation-tags
          "Akka.Persistence.Journal.Tagged, Akka.Persistence" = conversation-tags
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.loglevel = INFO
        # A bound on each ExpectMsg, not a timing: on a loaded 2-core CI machine an answer can take longer than 3 s.
        akka.test.single-expect-default = 15s
        """);

    /// <summary>Without a session index: these actor tests do not route read receipts.</summary>
    public ConversationRuntime Runtime(IActorRef budget) => new(Clients, budget, ActorRefs.Nobody, Settings, Limits, TimeProvider.System);

    public void Dispose() => services.Dispose();
}
