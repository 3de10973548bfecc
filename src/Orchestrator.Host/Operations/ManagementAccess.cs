using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Api;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Operations;

/// <summary>
/// The management routes (metrics, the OpenAPI document, the API reference): on their own port when
/// <see cref="ManagementOptions.Port"/> is set, behind <c>Authorization: Bearer &lt;operator key&gt;</c> when
/// <see cref="ManagementOptions.Key"/> is.
/// </summary>
internal static class ManagementAccess
{
    public const string SchemeName = "ManagementKey";
    public const string Policy = "management";

    public static IServiceCollection AddManagementAccess(this IServiceCollection services, ManagementOptions management)
    {
        services.AddSingleton(management);
        if (management.Key is not null)
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ManagementKeyAuthentication>(SchemeName, null);
            services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(SchemeName).RequireAuthenticatedUser());
        }

        return services;
    }

    /// <summary>The service listens on the management port beside its other addresses.</summary>
    public static void ListenOnManagementPort(this WebApplicationBuilder builder, ManagementOptions management)
    {
        if (management.Port is not { } port)
        {
            return;
        }

        // Setting the URLs replaces what Kestrel would otherwise listen on (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, its default).
        var urls = builder.Configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries)
            ?? builder.Configuration["http_ports"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p}").ToArray()
            ?? ["http://localhost:5000"];
        builder.WebHost.UseUrls([.. urls, $"http://{BindingAddress.Parse(urls[0]).Host}:{port}"]);
    }

    /// <summary>A group for the management routes with whatever restriction is configured.</summary>
    public static RouteGroupBuilder MapManagementGroup(this IEndpointRouteBuilder app)
    {
        var management = app.ServiceProvider.GetRequiredService<ManagementOptions>();
        var group = app.MapGroup("");
        if (management.Port is { } port)
        {
            group.RequireHost($"*:{port}");
        }

        if (management.Key is not null)
        {
            group.RequireAuthorization(Policy).ProducesProblems(StatusCodes.Status401Unauthorized);
        }

        return group;
    }

    private sealed class ManagementKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ManagementOptions management)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private readonly byte[][] accepted = [SecretHash.Of(management.Key!)];

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(BearerToken.Of(Request) is { Length: > 0 } token && SecretHash.IndexIn(SecretHash.Of(token), accepted) >= 0
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Policy)], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Write(Context, Problems.Unauthorized("Send 'Authorization: Bearer <management key>' (Orchestrator:Management:Key)."));
        }
    }
}
