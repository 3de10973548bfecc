using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Conversations.Throttling;

/// <summary>Udesk's rate limits as Orchestrator keeps them (configuration section <c>Orchestrator:Udesk:Limits</c>).</summary>
public sealed class CallBudgetOptions
{
    /// <summary>The company's Open API budget (Udesk's default is 60 calls per minute).</summary>
    [Range(1, 1_000_000)]
    public int CallsPerMinute { get; set; } = 60;

    /// <summary>The window <see cref="CallsPerMinute"/> is counted over (a minute; shorter only to test).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BudgetWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per company budgets where a company has a different one, by tenant name.</summary>
    public Dictionary<string, int> CallsPerMinuteByTenant { get; set; } = [];

    /// <summary>At most one structured message per this interval per company.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan StructuredMessageInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Message previews per session per second.</summary>
    [Range(1, 100)]
    public int PreviewsPerSecond { get; set; } = 3;

    /// <summary>
    /// Added to every window so that network jitter between our clock and Udesk's arrival times cannot make two
    /// calls we spaced correctly arrive too close together.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A granted call holds its place in the window until it is answered; a holder that never says so (its node
    /// died) gives the place up after this. Keep it above the Udesk client's total time-out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A caller whose permit has not come after this long asks again (the same request: the budget queues it once
    /// and answers a granted one with the same grant). It bounds how long a waiting call stays lost when the budget
    /// singleton moves to another node; each waiting call costs the budget one message per this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PermitRequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int BudgetFor(string tenant) => CallsPerMinuteByTenant.TryGetValue(tenant, out var budget) ? budget : CallsPerMinute;
}
