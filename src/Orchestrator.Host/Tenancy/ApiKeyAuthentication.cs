using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Api;

namespace Orchestrator.Host.Tenancy;

/// <summary><c>Authorization: Bearer &lt;api key&gt;</c>; the key names the tenant every request acts for.</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TenantDirectory tenants)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TenantClaim = "tenant";
    public const string KeyNameClaim = "api_key_name";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.Of(Request);
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (token.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header is not a Bearer API key."));
        }

        if (tenants.Authenticate(token) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity([new Claim(TenantClaim, key.Tenant), new Claim(KeyNameClaim, key.Name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Write(Context, Problems.Unauthorized("Send 'Authorization: Bearer <api key>' with a key issued for your tenant."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, Problems.Forbidden("This API key may not do that."));
}

public static class TenantClaims
{
    public static string Tenant(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthentication.TenantClaim) ?? throw new InvalidOperationException("An authenticated request carries a tenant.");

    /// <summary>The configured name of the API key a request authenticated with, or null when it did not.</summary>
    public static string? ApiKeyName(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyAuthentication.KeyNameClaim);
}
