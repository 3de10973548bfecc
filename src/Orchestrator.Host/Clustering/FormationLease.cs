using System.Data.Common;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Host.Clustering;

/// <summary>
/// The cluster's formation lease: one row per cluster name in the journal database, renewed by every Up member.
/// A node may form a new cluster only by claiming a lease nobody renewed for the lease's time-to-live; the claim is
/// one conditional upsert, so of nodes racing for it exactly one wins.
/// </summary>
internal sealed class FormationLease(ConversationStoreOptions store, string clusterName)
{
    public const string TableName = "orchestrator_cluster_formation";

    private readonly string table = StoreConnections.Qualified(store, TableName);

    /// <summary>The row's key: the actor system's name, which every node of one cluster shares.</summary>
    public string ClusterName => clusterName;
    private bool tableChecked = !store.AutoInitialize;

    /// <summary>Who renewed the lease last and when; null if no cluster of this name ever formed here.</summary>
    public async Task<FormationLeaseHolder?> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT holder, renewed_at FROM {table} WHERE cluster_name = @cluster");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FormationLeaseHolder(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)))
            : null;
    }

    /// <summary>Takes the lease for <paramref name="holder"/> if nobody renewed it since <paramref name="staleBefore"/>.</summary>
    public Task<bool> TryClaimAsync(string holder, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        UpsertAsync(holder, now, staleBefore, cancellationToken);

    /// <summary>Marks the cluster alive now, as seen by <paramref name="holder"/>.</summary>
    public Task RenewAsync(string holder, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpsertAsync(holder, now, staleBefore: null, cancellationToken);

    private async Task<bool> UpsertAsync(string holder, DateTimeOffset now, DateTimeOffset? staleBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var onlyIfStale = staleBefore is null ? "" : " WHERE lease.renewed_at < @stale_before";
        await using var command = Command(
            connection,
            $"INSERT INTO {table} AS lease (cluster_name, holder, renewed_at) VALUES (@cluster, @holder, @now) "
            + "ON CONFLICT (cluster_name) DO UPDATE SET holder = excluded.holder, renewed_at = excluded.renewed_at" + onlyIfStale);
        command.AddParameter("holder", holder);
        command.AddParameter("now", now.ToUnixTimeMilliseconds());
        if (staleBefore is { } stale)
        {
            command.AddParameter("stale_before", stale.ToUnixTimeMilliseconds());
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = StoreConnections.Create(store);
        await connection.OpenAsync(cancellationToken);
        if (!tableChecked)
        {
            await using var create = Command(
                connection,
                $"CREATE TABLE IF NOT EXISTS {table} (cluster_name varchar(200) PRIMARY KEY, holder varchar(400) NOT NULL, renewed_at bigint NOT NULL)");
            await create.ExecuteNonQueryAsync(cancellationToken);
            tableChecked = true;
        }

        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("cluster", clusterName);
        return command;
    }
}

/// <summary>The node that renewed the formation lease last, and when (by its clock).</summary>
internal sealed record FormationLeaseHolder(string Address, DateTimeOffset RenewedAt);
