using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Delivery;
using static Orchestrator.Conversations.Delivery.DeadLetterIndexMessages;

namespace Orchestrator.Host.Api.Webhooks;

/// <summary>
/// A tenant's dead letters listed and replayed through its dead-letter index: the platform's routes answer for the
/// caller's tenant, the operations console's for the tenant the operator chose.
/// </summary>
internal static class DeadLetterQueries
{
    public const int MaxLimit = 1000;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IResult> ListAsync(ActorRegistry registry, string tenant, string? after, string? limit)
    {
        if (QueryValues.Page(after, limit, MaxLimit, "a dead letter id", out var afterId, out var pageSize) is { } invalid)
        {
            return invalid;
        }

        if (!registry.TryGet<DeadLetterIndexRegion>(out var index))
        {
            // No tenant has a webhook: nothing is ever dead-lettered.
            return Results.Ok(new DeadLetterPageView([], afterId));
        }

        var page = await index.Ask<DeadLetterPage>(new ListDeadLetters(tenant, afterId, pageSize), AskTimeout);
        var views = page.Entries.Select(DeadLetterView.Of).ToList();
        return Results.Ok(new DeadLetterPageView(views, views.Count > 0 ? views[^1].Id : afterId));
    }

    public static async Task<IResult> ReplayAsync(ActorRegistry registry, string tenant, string id)
    {
        if (!long.TryParse(id, out var deadLetterId) || deadLetterId <= 0)
        {
            return Problems.Result(Problems.Invalid("id", "id must be a dead letter id (a positive whole number)."));
        }

        var unknown = Problems.Result(Problems.UnknownDeadLetter($"There is no dead letter {deadLetterId}."));
        if (!registry.TryGet<DeadLetterIndexRegion>(out var index))
        {
            return unknown;
        }

        var reply = await index.Ask<object>(new ReplayIndexedDeadLetter(tenant, deadLetterId), AskTimeout);
        return reply switch
        {
            DeliveryReplies.ReplayStarted started => Results.Accepted(
                value: new ReplayAcceptedView(deadLetterId, $"{started.Conversation.Tenant}/{started.Conversation.CustomerToken}/{started.Seq}")),
            DeadLetterUnknown => unknown,
            _ => Problems.Result(Problems.Unavailable($"The replay of dead letter {deadLetterId} could not start; try again.")),
        };
    }
}
