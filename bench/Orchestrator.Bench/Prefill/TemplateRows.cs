namespace Orchestrator.Bench.Prefill;

/// <summary>
/// The rows one persistence id holds in a journal table (every column but the generated <c>ordering</c>), as the
/// service wrote them: copied under other persistence ids, they are that many more real conversations.
/// </summary>
internal sealed record TemplateRows(string Table, IReadOnlyList<string> Columns, IReadOnlyList<string> DataTypes, IReadOnlyList<object?[]> Rows)
{
    public const string PersistenceIdColumn = "persistence_id";

    public int PersistenceIdIndex => Columns.ToList().IndexOf(PersistenceIdColumn) is var i and >= 0
        ? i
        : throw new InvalidOperationException($"Table {Table} has no {PersistenceIdColumn} column.");

    /// <summary>The highest sequence number of the template's rows: where a copy recovers to.</summary>
    public long LastSequenceNumber => Rows.Count == 0
        ? 0
        : Convert.ToInt64(Rows[^1][Columns.ToList().IndexOf("sequence_number")], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The template's rows with <paramref name="persistenceId"/> in place of its own.</summary>
    public IEnumerable<object?[]> For(string persistenceId)
    {
        var index = PersistenceIdIndex;
        foreach (var row in Rows)
        {
            var copy = (object?[])row.Clone();
            copy[index] = persistenceId;
            yield return copy;
        }
    }
}
