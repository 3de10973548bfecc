using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// Who may read <c>/metrics</c>, <c>/openapi/*</c> and <c>/scalar/*</c> (<c>Orchestrator:Management</c>): anyone
/// reaching the service unless a separate port, an operator key, or both are set.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Orchestrator:Management";

    /// <summary>When set, the service listens on this port too and the management routes answer only there.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>When set (16+ characters), the management routes need <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    [MinLength(16)]
    public string? Key { get; set; }
}
