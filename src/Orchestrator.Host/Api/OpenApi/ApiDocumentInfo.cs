using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orchestrator.Host.Api.OpenApi;

/// <summary>
/// What the reference page opens with: the service's name and purpose, how to authenticate, what it promises about
/// order and repeats, how errors look, and a line for each tag; plus the two bearer schemes operations refer to.
/// </summary>
internal sealed class ApiDocumentInfo : IOpenApiDocumentTransformer
{
    public const string Title = "Orchestrator API";

    private const string Description = """
        Orchestrator sits between chat platforms and Udesk's IM Open API. A platform backend drives each customer's
        conversation here, named by its **customer token**: it asks for robot, urobot or agent sessions, sends the
        customer's messages, and reads everything that happens (Udesk's replies included) as an ordered event feed,
        a Server-Sent Events stream or webhooks. Orchestrator keeps every conversation as a journal of events and
        talks to Udesk within the company's call budget.

        ## Authentication
        Every `/v1` route needs `Authorization: Bearer <api key>` (scheme `ApiKey`); the key names the tenant every
        request acts for, and each key has its own request rate (past it: 429 with `Retry-After`). The operators'
        routes (`/cluster/members`, this document) need the operator key instead (scheme `ManagementKey`) when
        `Orchestrator:Management:Key` is set.

        ## Order and repeats
        - A conversation command is answered **202 once it is persisted**, with the `seq` of its last event; what
          Udesk then does arrives as events.
        - A customer message is **idempotent per `message_id`**: sending it again answers 202 with `duplicate: true`
          and the original `seq`, and nothing is sent twice. After a 503 the command may still be applied: retry
          with the same `message_id`.
        - A conversation's events are numbered `seq` 1, 2, 3, … without gaps; `event_id` (`tenant/token/seq`) is
          stable forever, so keeping the first of each id gives exactly the conversation, whichever of feed, stream
          or webhook delivered it.

        ## Errors
        Errors are RFC 9457 problem details (`application/problem+json`) with a stable `type`
        (`urn:orchestrator:problem:*`) to switch on. Bad input is 400 with the offending field under `errors` and
        changes nothing; Udesk's refusals carry `udesk_code`; 429 answers carry `retry_after_seconds` and
        `Retry-After`.

        The URLs Udesk itself calls (the push webhook and the structured-message page) are not part of this contract.
        """;

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Conversations", "A customer's conversation: its state, sessions, messages, and the events that tell what happened."),
        ("Events", "Every conversation of the tenant on one stream."),
        ("Customers", "The Udesk customer behind a customer token."),
        ("Audit", "Who said what, when, through which session, and what Udesk answered; replay-verify and export."),
        ("Deliveries", "Webhook events the platform never acknowledged, and sending them again."),
        ("Udesk", "Pushes from Udesk that named no conversation."),
        ("Udesk company", "Udesk's company-wide interfaces for the caller's tenant: agents, urobots, words, queues, clean-up."),
        ("Operations", "For operators: the cluster as a node sees it."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = "v1",
            Description = Description,
        };
        // The document is the same whichever address it was asked at (a generated client is checked for drift); a
        // client names the service's address itself, and the reference page uses its own.
        document.Servers = [];
        document.Tags = Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }).ToHashSet();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [OperationSecurity.ApiKey] = Bearer("A platform API key (`Orchestrator:Tenants:<tenant>:ApiKeys`); it names the tenant."),
            [OperationSecurity.ManagementKey] = Bearer("The operator key (`Orchestrator:Management:Key`), for the operators' routes."),
        };
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Bearer(string description) =>
        new() { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = description };
}
