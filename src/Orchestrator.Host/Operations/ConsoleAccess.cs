using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Operations;

/// <summary>
/// Who may use the operations console's data routes: whoever sends the operator key
/// (<see cref="ManagementOptions.Key"/>), or in demo mode without one the demo's <see cref="DemoOptions.OperatorKey"/>
/// (so the demo's API reference and metrics stay open while its console shows the key at work). No key, no console.
/// </summary>
internal static class ConsoleAccess
{
    public const string SchemeName = "ConsoleKey";
    public const string Policy = "console";

    /// <summary>Whether the console runs at all: with no key to check it is not served, and its overview is not kept.</summary>
    public static bool Enabled(IConfiguration configuration) => KeyOf(
        ValidatedConfiguration.Bind<ManagementOptions>(configuration, ManagementOptions.Section), ValidatedConfiguration.Bind<DemoOptions>(configuration, DemoOptions.Section)).Key is not null;

    public static IServiceCollection AddConsoleAccess(this IServiceCollection services, ManagementOptions management, DemoOptions demo)
    {
        var (key, setting) = KeyOf(management, demo);
        services.AddSingleton(new ConsoleKeyConfigured(key is not null));
        if (key is not null)
        {
            services.AddAuthentication().AddScheme<OperatorKeyOptions, OperatorKeyAuthentication>(SchemeName, scheme =>
            {
                scheme.Key = key;
                scheme.Setting = setting;
            });
            services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(SchemeName).RequireAuthenticatedUser());
        }

        return services;
    }

    private static (string? Key, string Setting) KeyOf(ManagementOptions management, DemoOptions demo) => management.Key is { } operatorKey
        ? (operatorKey, $"{ManagementOptions.Section}:{nameof(ManagementOptions.Key)}")
        : (demo.Enabled ? demo.OperatorKey : null, $"{DemoOptions.Section}:{nameof(DemoOptions.OperatorKey)}");
}

/// <summary>Whether the console has a key to check, and so is served at all.</summary>
internal sealed record ConsoleKeyConfigured(bool Configured);
