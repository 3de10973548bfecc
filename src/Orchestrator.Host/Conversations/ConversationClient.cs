using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Sessions;
using Orchestrator.Host.Configuration;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Host.Conversations;

/// <summary>Sends commands to conversations through the shard region and waits for their answers.</summary>
public sealed class ConversationClient(IRequiredActor<ConversationRegion> region, IRequiredActor<SessionIndexRegion> sessions, IOptions<OrchestratorOptions> options)
{
    /// <summary>The conversation's reply, or null when it did not answer within <paramref name="timeout"/>.</summary>
    public async Task<Reply?> Ask(Command command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        await AskOrNull(await region.GetAsync(cancellationToken), command, timeout, cancellationToken);

    /// <summary>Applies a read receipt to the conversation that owns <paramref name="receipt"/>'s session.</summary>
    public async Task<Reply?> Route(SessionIndexMessages.RouteReadReceipt receipt, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await AskOrNull(await sessions.GetAsync(cancellationToken), receipt, timeout, cancellationToken);

    private async Task<Reply?> AskOrNull(IActorRef target, object message, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await target.Ask<Reply>(message, timeout ?? options.Value.CommandTimeout, cancellationToken);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    public async Task<ConversationState?> StateOf(ConversationId id, CancellationToken cancellationToken = default) =>
        await Ask(new GetState(id), cancellationToken: cancellationToken) is State state ? state.Conversation : null;
}
