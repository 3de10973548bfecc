namespace Orchestrator.Host.Api;

/// <summary>
/// Requests that would otherwise stay open for a minute (Server-Sent Events, long-polls) end as soon as the service
/// begins to stop, so Kestrel's drain waits only for short requests and the node can leave the cluster within its
/// grace period. The client reconnects (or polls again) and lands on another node.
/// </summary>
internal static class ServiceStopping
{
    /// <summary>Cancelled when the client goes away or the service begins to stop, whichever comes first.</summary>
    public static CancellationToken AbortedOrStopping(this HttpContext http, IHostApplicationLifetime lifetime)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.Response.RegisterForDispose(linked);
        return linked.Token;
    }

    /// <summary>
    /// The items of <paramref name="source"/> (which stops by cancellation when the service stops) until it ends, or
    /// until the service stops: then the sequence ends normally, so the response completes instead of failing.
    /// </summary>
    public static async IAsyncEnumerable<T> EndingWhenStopping<T>(this IAsyncEnumerable<T> source, IHostApplicationLifetime lifetime)
    {
        await using var items = source.GetAsyncEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = await items.MoveNextAsync();
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            yield return items.Current;
        }
    }
}
