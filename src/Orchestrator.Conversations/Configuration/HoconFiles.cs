using Akka.Configuration;

namespace Orchestrator.Conversations.Configuration;

/// <summary>
/// The Akka settings kept in the repository's <c>hocon/</c> folder, embedded in this assembly so every host
/// (service, tests, benchmarks) loads the same files whatever its working directory.
/// </summary>
public static class HoconFiles
{
    public const string Sharding = "sharding.conf";
    public const string Mailboxes = "mailboxes.conf";
    public const string Cluster = "cluster.conf";
    public const string SqlitePersistence = "persistence.sqlite.conf";
    public const string PostgreSqlPersistence = "persistence.postgresql.conf";

    public static Config Load(string fileName)
    {
        using var stream = typeof(HoconFiles).Assembly.GetManifestResourceStream($"hocon/{fileName}")
            ?? throw new FileNotFoundException($"hocon/{fileName} is not embedded in {typeof(HoconFiles).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
