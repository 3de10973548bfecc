using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Orchestrator.Conversations.Persistence;

public static class StreamCollection
{
    /// <summary>Runs a finite query to its end and answers everything it gave; cancelling aborts the query.</summary>
    public static async Task<IReadOnlyList<T>> CollectAsync<T>(this Source<T, NotUsed> source, IMaterializer materializer, CancellationToken cancellationToken)
    {
        var (kill, done) = source
            .ViaMaterialized(KillSwitches.Single<T>(), Keep.Right)
            .ToMaterialized(Sink.Seq<T>(), Keep.Both)
            .Run(materializer);
        await using var cancel = cancellationToken.Register(() => kill.Abort(new OperationCanceledException(cancellationToken)));
        return await done;
    }
}
