using Microsoft.Extensions.Options;
using Npgsql;

namespace Orchestrator.Conversations.Persistence;

/// <summary>Checks the store settings at start, naming the offending key.</summary>
public sealed class ConversationStoreOptionsValidator : IValidateOptions<ConversationStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{ConversationStoreOptions.Section}:ConnectionString is required.");
        }

        try
        {
            _ = options.Provider switch
            {
                StoreProvider.Sqlite => SqliteStore.DataSourceOf(options.ConnectionString),
                StoreProvider.PostgreSql => new NpgsqlConnectionStringBuilder(options.ConnectionString).Host
                    ?? throw new ArgumentException("it names no Host"),
                _ => throw new ArgumentException($"unknown provider {options.Provider}"),
            };
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{ConversationStoreOptions.Section}:ConnectionString is not a valid {options.Provider} connection string: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
