using System.Reflection;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// Creates the SQL read journal once the write journal has started. Akka.Persistence.Sql's read journal blocks up to
/// 5 s on the write journal's start (its table checks) and throws if that takes longer, as it can on a loaded machine
/// or a slow database; the failure is not cached, so asking again succeeds once the write journal is up. Done once
/// at start, every later <c>ReadJournalFor</c> returns the cached journal at once.
/// </summary>
public static class SqlReadJournalStart
{
    public static async Task<SqlReadJournal> WhenStartedAsync(ActorSystem system, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(patience);
        while (true)
        {
            try
            {
                // The constructor blocks on a task: off the caller's thread.
                return await Task.Run(() => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier), CancellationToken.None);
            }
            catch (Exception e) when (IsStartTimeout(e) && !bound.IsCancellationRequested)
            {
                // The write journal is still starting: ask again.
            }
            catch (Exception e) when (IsStartTimeout(e))
            {
                throw new TimeoutException($"The journal did not start within {patience}.", e);
            }
        }
    }

    private static bool IsStartTimeout(Exception e) => e switch
    {
        AskTimeoutException => true,
        TargetInvocationException { InnerException: { } inner } => IsStartTimeout(inner),
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStartTimeout),
        _ => false,
    };
}
