using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Host.Tests.Support;

/// <summary>Every line the service logs, at every level, with its scopes rendered, for assertions on what is logged.</summary>
public sealed class CollectedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>Collects every category from Debug up, whatever levels the configuration (appsettings.json) sets for the others.</summary>
    public void CaptureFrom(ILoggingBuilder logging) => logging.AddProvider(this).AddFilter<CollectedLogs>(null, LogLevel.Debug);

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Collector(CollectedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeText = new List<string>();
            logs.scopes.ForEachScope((scope, text) => text.Add(Render(scope)), scopeText);
            logs.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} [{string.Join(" | ", scopeText)}] {Render(state)}");
        }

        /// <summary>A scope or state with its structured values, which a JSON formatter would write too.</summary>
        private static string Render(object? value) => value is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : value?.ToString() ?? "";
    }
}
