using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Host.Configuration;

/// <summary>The service's own settings (configuration section <c>Orchestrator</c>).</summary>
public sealed class OrchestratorOptions
{
    public const string Section = "Orchestrator";

    /// <summary>
    /// Udesk companies this service serves, by tenant name; at least one (the demo, when enabled, configures its own).
    /// </summary>
    public Dictionary<string, TenantOptions> Tenants { get; set; } = [];

    /// <summary>
    /// How long a Udesk push may take to persist before we answer 503 so Udesk retries (Udesk gives up at 5 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:04.500")]
    public TimeSpan PushPersistTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Largest Udesk push body accepted, in bytes.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int PushBodyLimitBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest platform API request body accepted, in bytes.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int ApiBodyLimitBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest nesting of objects and arrays accepted in a platform request's JSON body.</summary>
    [Range(2, 256)]
    public int ApiJsonMaxDepth { get; set; } = 32;

    /// <summary>Longest JSON string (property names included) accepted in a platform request's body, in UTF-8 bytes as sent.</summary>
    [Range(64, 64 * 1024 * 1024)]
    public int ApiJsonMaxStringBytes { get; set; } = 64 * 1024;

    /// <summary>How long a platform request waits for its conversation to answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A Server-Sent Events stream quiet for this long gets a <c>heartbeat</c> event, so proxies that close idle
    /// connections leave it open and clients can tell a quiet conversation from a dead connection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StreamHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How far the <c>timestamp</c> Udesk signs into the structured-message list page (and that the page's send
    /// form carries back) may be from our clock, either way, before the signature counts as expired.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan StructPageSignatureWindow { get; set; } = TimeSpan.FromMinutes(5);
}
