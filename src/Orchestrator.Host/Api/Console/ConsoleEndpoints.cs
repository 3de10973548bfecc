using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Overview;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Host.Api.Operations;
using Orchestrator.Host.Api.Webhooks;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Operations;
using static Orchestrator.Conversations.Overview.OverviewMessages;

namespace Orchestrator.Host.Api.Console;

/// <summary>
/// The operations console: its page at <c>/console</c> (loads without a key and asks for it) and its JSON routes
/// under <c>/console/api/</c>, behind the operator key (<see cref="ConsoleAccess"/>), on the management port when
/// one is set. Every tenant is the operator's to read: each data route names its <c>tenant=</c>. The routes are
/// described in their own OpenAPI document (<c>/openapi/console.json</c>), not in the platforms' <c>v1</c>.
/// </summary>
internal static class ConsoleEndpoints
{
    public const string DocumentName = "console";
    private const int SearchLimit = 50;
    private const int MaxSearchLength = 200;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static WebApplication MapConsole(this WebApplication app)
    {
        var management = app.Services.GetRequiredService<ManagementOptions>();
        var console = app.MapGroup("/console").OnManagementPort(management).ExcludeFromDescription();
        if (!app.Services.GetRequiredService<ConsoleKeyConfigured>().Configured)
        {
            console.MapGet("", () => Problems.Result(Problems.Forbidden(
                $"The console needs an operator key: set {ManagementOptions.Section}:{nameof(ManagementOptions.Key)} (16+ characters).")));
            return app;
        }

        console.MapGet("", () => ConsolePage.Serve("console.html"));
        console.MapGet("/{asset:regex(^console\\.(js|css)$)}", (string asset) => ConsolePage.Serve(asset));
        MapData(app.MapGroup("/console/api").OnManagementPort(management).RequireAuthorization(ConsoleAccess.Policy).WithGroupName(DocumentName).WithTags("Console"));
        return app;
    }

    private static void MapData(RouteGroupBuilder api)
    {
        api.MapGet("/tenants", (ConsoleTenants tenants) => Results.Ok(new ConsoleTenantsView(tenants.Names)))
            .WithSummary("The configured tenants.")
            .WithDescription("The tenants the operator can choose; every other console route names one with tenant=.")
            .Produces<ConsoleTenantsView>();
        api.MapGet("/overview", Overview)
            .WithSummary("Conversations by state and the queue.")
            .WithDescription("How many of the tenant's conversations are in each state, and every queued one with its queue, position and waiting time, longest waiting first. Read from this node's overview of the journal (never from the conversations themselves), as of journal_offset.")
            .Produces<OverviewView>()
            .ProducesValidationProblem();
        api.MapGet("/conversations", Search)
            .WithSummary("Conversations by customer token.")
            .WithDescription($"Up to {SearchLimit} of the tenant's conversations whose customer token contains token= (case-insensitive), an exact match first, then the most recently active.")
            .Produces<ConversationMatchesView>()
            .ProducesValidationProblem();
        api.MapGet("/conversations/{token}/timeline", Timeline)
            .WithSummary("One conversation's audit timeline.")
            .WithDescription("The conversation's audit, as GET /v1/conversations/{token}/audit gives its platform: sessions, transfers, messages both ways, Udesk calls with their answers and codes, refusals and retries.")
            .Produces<AuditReport>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet("/dead-letters", DeadLetters)
            .WithSummary("Webhook dead letters.")
            .WithDescription("Events the tenant's webhook never acknowledged, oldest first, as GET /v1/deliveries/dead gives its platform; page with after= and limit=.")
            .Produces<DeadLetterPageView>()
            .ProducesValidationProblem();
        api.MapPost("/dead-letters/{id}/replay", Replay)
            .WithSummary("Replay a webhook dead letter.")
            .WithDescription("Sends the dead-lettered event to the tenant's webhook once more, as POST /v1/deliveries/dead/{id}/replay does; it leaves the list once acknowledged.")
            .Produces<ReplayAcceptedView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet("/budget", Budget)
            .WithSummary("The company call budget and the structured-message lane.")
            .WithDescription("Asked of the call budget singleton: the tenant's Udesk calls counted in the sliding window against its limit, the requests waiting, and when the next structured message may go.")
            .Produces<BudgetView>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesValidationProblem();
        api.MapGet("/cluster", Cluster)
            .WithSummary("Cluster members and the singletons.")
            .WithDescription("This node's view of the cluster (as GET /cluster/members) and where each cluster singleton runs: the oldest Up member.")
            .Produces<ConsoleClusterView>();
    }

    private static async Task<IResult> Overview(ConsoleTenants tenants, ActorRegistry registry, TimeProvider time, string? tenant = null)
    {
        if (tenants.Check(tenant) is { } invalid)
        {
            return invalid;
        }

        var reading = await registry.Get<ConversationOverviewActor>().Ask<OverviewReading>(new ReadOverview(tenant!), AskTimeout);
        return Results.Ok(OverviewView.Of(reading, time.GetUtcNow()));
    }

    private static async Task<IResult> Search(ConsoleTenants tenants, ActorRegistry registry, string? tenant = null, string? token = null)
    {
        if (tenants.Check(tenant) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxSearchLength)
        {
            return Problems.Result(Problems.Invalid("token", $"token must be 1 to {MaxSearchLength} characters of a customer token."));
        }

        var found = await registry.Get<ConversationOverviewActor>().Ask<ConversationMatches>(new SearchConversations(tenant!, token, SearchLimit), AskTimeout);
        return Results.Ok(new ConversationMatchesView([.. found.Matches.Select(ConversationSummaryView.Of)]));
    }

    private static async Task<IResult> Timeline(string token, ConsoleTenants tenants, AuditJournal journal, CancellationToken ct, string? tenant = null)
    {
        if ((tenants.Check(tenant) ?? RequestValidation.Token(token)) is { } invalid)
        {
            return invalid;
        }

        var id = new ConversationId(tenant!, token);
        var events = await journal.EventsOf(id, ct);
        return events.Count == 0
            ? Problems.Result(Problems.NotFound($"Tenant '{tenant}' has no conversation with customer token '{token}'."))
            : Results.Ok(AuditReport.Of(id, events));
    }

    private static async Task<IResult> DeadLetters(ConsoleTenants tenants, ActorRegistry registry, string? tenant = null, string? after = null, string? limit = null) =>
        tenants.Check(tenant) ?? await DeadLetterQueries.ListAsync(registry, tenant!, after, limit);

    private static async Task<IResult> Replay(string id, ConsoleTenants tenants, ActorRegistry registry, string? tenant = null) =>
        tenants.Check(tenant) ?? await DeadLetterQueries.ReplayAsync(registry, tenant!, id);

    private static async Task<IResult> Budget(ConsoleTenants tenants, ActorRegistry registry, string? tenant = null)
    {
        if (tenants.Check(tenant) is { } invalid)
        {
            return invalid;
        }

        try
        {
            return Results.Ok(BudgetView.Of(await registry.Get<CallBudget>().Ask<TenantBudgetReading>(new ReadCallBudget(tenant!), AskTimeout)));
        }
        catch (AskTimeoutException)
        {
            return Problems.Result(Problems.Unavailable($"The call budget singleton did not answer within {AskTimeout.TotalSeconds:0} s (is the cluster up?); try again."));
        }
    }

    private static ConsoleClusterView Cluster(ActorSystem system, ActorRegistry registry)
    {
        var cluster = ClusterMembersEndpoint.Read(system);
        string[] singletons = registry.TryGet<DeadLetterIndexRegion>(out _)
            ? [ConversationsHostingExtensions.CallBudgetName, ConversationsHostingExtensions.OutboxSweeperName, DeliveryHostingExtensions.DispatcherName]
            : [ConversationsHostingExtensions.CallBudgetName, ConversationsHostingExtensions.OutboxSweeperName];
        return new ConsoleClusterView(cluster, [.. singletons.Select(name => new SingletonView(name, cluster.Oldest))]);
    }
}
