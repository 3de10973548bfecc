namespace Orchestrator.Udesk.Simulator.Configuration;

/// <summary>
/// Everything the simulator is started with, bound from the configuration section <c>Simulator</c>.
/// Every knob is documented in docs/simulator.md.
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The admin e-mail that signs every Open API call.</summary>
    public string Email { get; set; } = "admin@udesk.cn";

    /// <summary>The open-api token; <c>POST /log_in</c> hands it out for <see cref="Password"/>.</summary>
    public string ApiToken { get; set; } = "simulator-token";

    /// <summary>The admin password <c>POST /log_in</c> accepts.</summary>
    public string Password { get; set; } = "simulator-password";

    /// <summary>Signs structured messages (MD5) instead of the API token.</summary>
    public string StructuredMessageKey { get; set; } = "simulator-structured-message-key";

    /// <summary>Appears in queue names (<c>queue:company:{id}:agent:{agent}</c>).</summary>
    public long CompanyId { get; set; } = 1;

    /// <summary>Open API calls the company may make in any sliding minute.</summary>
    public int CompanyCallsPerMinute { get; set; } = 60;

    /// <summary>Message previews per session in any sliding second.</summary>
    public int PreviewsPerSecond { get; set; } = 3;

    /// <summary>Structured messages: one per this interval.</summary>
    public TimeSpan StructuredMessageInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A signed timestamp further than this from the simulator's clock is stale.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A v2 nonce is accepted once within this window.</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether the separately activated message-preview interface is on (off: code 2065).</summary>
    public bool PreviewEnabled { get; set; } = true;

    /// <summary>The "Receiving Message URL" pushes go to; none means pushes are logged as undelivered.</summary>
    public Uri? PushUrl { get; set; }

    /// <summary>A push not answered within this time has timed out.</summary>
    public TimeSpan PushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per push batch (the first included) before it is given up.</summary>
    public int PushMaxAttempts { get; set; } = 8;

    /// <summary>First retry back-off; it doubles per attempt up to <see cref="PushRetryMaxDelay"/>.</summary>
    public TimeSpan PushRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PushRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This many push time-outs within <see cref="PushTimeoutWindow"/> pause all pushes.</summary>
    public int PushTimeoutsBeforePause { get; set; } = 10;

    public TimeSpan PushTimeoutWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long pushes pause, counted from the last time-out.</summary>
    public TimeSpan PushPauseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Seeds every random choice; unset picks one (reported at start and by <c>/_sim/state</c>).</summary>
    public int? Seed { get; set; }

    /// <summary>How many calls and push attempts the log keeps (oldest dropped first).</summary>
    public int LogCapacity { get; set; } = 10_000;

    public WorldOptions World { get; set; } = new();

    public FaultOptions Faults { get; set; } = new();

    public QuirkOptions Quirks { get; set; } = new();

    /// <summary>A shallow copy onto <paramref name="target"/>, so a ready-made instance can feed the options pipeline.</summary>
    internal void CopyTo(SimulatorOptions target)
    {
        foreach (var property in typeof(SimulatorOptions).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(target, property.GetValue(this));
        }
    }
}
