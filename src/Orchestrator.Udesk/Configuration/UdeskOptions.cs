using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Udesk.Configuration;

/// <summary>One Udesk company: where its Open API lives and the secrets that sign our calls.</summary>
public sealed class UdeskOptions
{
    /// <summary>Base URL of the company's Open API, e.g. <c>https://demo.udesk.cn/open_api_v1/</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The admin e-mail that signs every call.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Email { get; set; } = "";

    /// <summary>The open-api token (from <c>POST /log_in</c> or the admin console).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApiToken { get; set; } = "";

    /// <summary>The "Structured Message KEY": signs structured messages and the embedded list page.</summary>
    public string StructuredMessageKey { get; set; } = "";

    /// <summary>v2 (SHA-256 with nonce) unless a legacy account only accepts v1.</summary>
    public SignatureVersion SignatureVersion { get; set; } = SignatureVersion.V2;

    /// <summary>
    /// The spec names no path for the robot Q&amp;A usefulness evaluation; this is the one we call.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string RobotUsefulnessPath { get; set; } = "im/messages/useful";

    public UdeskResilienceOptions Resilience { get; set; } = new();
}

/// <summary>Signature scheme of the Open API query string.</summary>
public enum SignatureVersion
{
    V1,
    V2,
}
