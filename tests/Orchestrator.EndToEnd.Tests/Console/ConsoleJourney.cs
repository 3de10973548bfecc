using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.EndToEnd.Tests.Console;

/// <summary>A <see cref="WebhookJourney"/> with three attempts per event (so refusals are dead-lettered) and an operator key.</summary>
public sealed class ConsoleJourney : WebhookJourney
{
    public const string OperatorKey = "console-operator-key-0123456789";

    protected override int MaxAttempts => 3;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Orchestrator:Management:Key"] = OperatorKey;
        return settings;
    }
}
