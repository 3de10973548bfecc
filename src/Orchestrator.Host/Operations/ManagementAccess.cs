using Microsoft.AspNetCore.Authorization;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Configuration;

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
            services.AddAuthentication().AddScheme<OperatorKeyOptions, OperatorKeyAuthentication>(SchemeName, scheme =>
            {
                scheme.Key = management.Key;
                scheme.Setting = $"{ManagementOptions.Section}:{nameof(ManagementOptions.Key)}";
            });
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

    /// <summary>The group answers only on the management port, when one is set.</summary>
    public static RouteGroupBuilder OnManagementPort(this RouteGroupBuilder group, ManagementOptions management) =>
        management.Port is { } port ? group.RequireHost($"*:{port}") : group;

    /// <summary>A group for the management routes with whatever restriction is configured.</summary>
    public static RouteGroupBuilder MapManagementGroup(this IEndpointRouteBuilder app)
    {
        var management = app.ServiceProvider.GetRequiredService<ManagementOptions>();
        var group = app.MapGroup("").OnManagementPort(management);
        if (management.Key is not null)
        {
            group.RequireAuthorization(Policy).ProducesProblems(StatusCodes.Status401Unauthorized);
        }

        return group;
    }
}
