using System.Data.Common;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Retention;

/// <summary>A parameterised command on the store's connection (and transaction), the same for SQLite and PostgreSQL.</summary>
internal static class StoreCommand
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }
}
