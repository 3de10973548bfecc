using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Host.Configuration;
using Orchestrator.Udesk;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Host.Api.Gate;

/// <summary>
/// Every Udesk call a platform request makes directly: a permit from the company call budget first (none free now
/// → 429 with <c>Retry-After</c>, nothing sent), then the call, then the permit released whatever happened (Udesk
/// counts the call on arrival, so its window starts when it is over), then the result as HTTP.
/// </summary>
public sealed class UdeskCallGate(IRequiredActor<CallBudget> budget, IUdeskClientFactory udesk, IOptions<OrchestratorOptions> options)
{
    private static long lastRequestId;

    /// <summary>Permit, call, release: the call's result, or why it was not made.</summary>
    public async Task<GatedCall<T>> InvokeAsync<T>(
        string tenant, CallPriority priority, CallLane lane, Func<IUdeskClient, CancellationToken, Task<UdeskResult<T>>> call, CancellationToken cancellationToken)
    {
        var budgetActor = await budget.GetAsync(cancellationToken);
        object answer;
        try
        {
            // Answered at once; not cancelled with the request, so a permit granted meanwhile is not lost unreleased.
            answer = await budgetActor.Ask<object>(new TryAcquirePermit(tenant, priority, lane, Interlocked.Increment(ref lastRequestId)), options.Value.CommandTimeout);
        }
        catch (AskTimeoutException)
        {
            return GatedCall<T>.NotMade(Problems.Result(Problems.Unavailable("The Udesk call budget did not answer in time.")));
        }

        switch (answer)
        {
            case PermitRefused refused:
                return GatedCall<T>.NotMade(new RetryAfterResult(RetryAfterResult.Seconds(refused.RetryAfter)));
            case PermitGranted granted:
                try
                {
                    return GatedCall<T>.Made(await call(udesk.For(tenant), cancellationToken));
                }
                finally
                {
                    budgetActor.Tell(new ReleasePermit(tenant, granted.Token));
                }

            default:
                throw new InvalidOperationException($"The call budget answered {answer.GetType().Name}.");
        }
    }

    /// <summary>Permit, call, release, answered as HTTP: <paramref name="answer"/> (200 with the value by default) or a problem.</summary>
    public async Task<IResult> CallAsync<T>(
        string tenant,
        CallPriority priority,
        Func<IUdeskClient, CancellationToken, Task<UdeskResult<T>>> call,
        CancellationToken cancellationToken,
        CallLane lane = CallLane.General,
        Func<T, IResult>? answer = null) =>
        (await InvokeAsync(tenant, priority, lane, call, cancellationToken)).ToHttp(answer);
}
