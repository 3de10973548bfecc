using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Api;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Operations;

/// <summary>An operator key a scheme accepts, and the setting that holds it (named when a request lacks it).</summary>
internal sealed class OperatorKeyOptions : AuthenticationSchemeOptions
{
    public string Key { get; set; } = "";

    public string Setting { get; set; } = "";
}

/// <summary>
/// <c>Authorization: Bearer &lt;operator key&gt;</c>, compared by hash in constant time; the caller is an operator,
/// never a tenant. Without it the answer is a 401 problem naming the setting.
/// </summary>
internal sealed class OperatorKeyAuthentication(IOptionsMonitor<OperatorKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<OperatorKeyOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(BearerToken.Of(Request) is { Length: > 0 } token && SecretHash.IndexIn(SecretHash.Of(token), [SecretHash.Of(Options.Key)]) >= 0
            ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Scheme.Name)], Scheme.Name)), Scheme.Name))
            : AuthenticateResult.NoResult());

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Write(Context, Problems.Unauthorized($"Send 'Authorization: Bearer <operator key>' ({Options.Setting})."));
    }
}
