using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.Endpoints;
using Orchestrator.Udesk.Simulator.Logging;
using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.RateLimiting;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Hosting;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the simulator with options bound from the <c>Simulator</c> section of <paramref name="configuration"/>
    /// (or from <paramref name="configuration"/> itself when it is that section). Map its routes with
    /// <see cref="SimulatorEndpointRouteBuilderExtensions.MapUdeskSimulator"/>.
    /// </summary>
    public static IServiceCollection AddUdeskSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration is IConfigurationSection { Key: SimulatorOptions.SectionName } own ? own : configuration.GetSection(SimulatorOptions.SectionName);
        return services.AddUdeskSimulator(options => section.Bind(options));
    }

    /// <summary>Registers the simulator; the options are validated when the host starts.</summary>
    public static IServiceCollection AddUdeskSimulator(this IServiceCollection services, Action<SimulatorOptions> configure)
    {
        services.AddOptions<SimulatorOptions>()
            .Configure(configure)
            .PostConfigure(options => DefaultWorld.Complete(options.World))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatorRandom>();
        services.TryAddSingleton<SimulatorLog>();
        services.TryAddSingleton<SimulatorSettings>();
        services.TryAddSingleton<RateLimiter>();
        services.TryAddSingleton<NonceRegistry>();
        services.TryAddSingleton<RequestAuthenticator>();
        services.TryAddSingleton(sp => new PushDispatcher(
            sp.GetRequiredService<IOptions<SimulatorOptions>>(),
            sp.GetRequiredService<SimulatorSettings>(),
            sp.GetRequiredService<SimulatorRandom>(),
            sp.GetRequiredService<SimulatorLog>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SimulatorWorld(
            sp.GetRequiredService<IOptions<SimulatorOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SimulatorRandom>(),
            sp.GetRequiredService<PushDispatcher>(),
            sp.GetRequiredService<SimulatorLog>(),
            sp.GetRequiredService<RateLimiter>(),
            sp.GetRequiredService<NonceRegistry>(),
            sp.GetRequiredService<SimulatorSettings>()));
        services.TryAddSingleton<OpenApiPipeline>();
        services.TryAddSingleton<SessionEndpoints>();
        services.TryAddSingleton<MessageEndpoints>();
        services.TryAddSingleton<RobotEndpoints>();
        services.TryAddSingleton<SurveyEndpoints>();
        services.TryAddSingleton<StatusEndpoints>();
        services.TryAddSingleton<StructuredMessageEndpoints>();
        services.TryAddSingleton<CustomerEndpoints>();
        services.TryAddSingleton<LogInEndpoints>();
        services.TryAddSingleton<ControlEndpoints>();
        return services;
    }
}
