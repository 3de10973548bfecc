using Akka.Actor;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Audit;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Api.Audit;

internal static class AuditServices
{
    /// <summary>Where the conversations' settings live (as the actor system binds them): verify folds with the same rules.</summary>
    private const string ConversationsSection = "Orchestrator:Conversations";

    /// <summary>Audit reads, replay-verify with the conversations' own rules, and the verify jobs.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        var rules = ValidatedConfiguration.Bind<ConversationSettings>(configuration, ConversationsSection).Rules;
        return services
            .AddSingleton(rules)
            .AddSingleton(sp => new AuditJournal(sp.GetRequiredService<ActorSystem>()))
            .AddSingleton<ConversationVerifier>()
            .AddSingleton<VerifyJobs>();
    }
}
