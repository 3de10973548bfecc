using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.DependencyInjection;

namespace Orchestrator.Udesk.Tests.Support;

/// <summary>The real client, resilience and signing pipeline registered as in production, over a fake Udesk.</summary>
public sealed class ClientHarness : IDisposable
{
    public const string Email = "admin@udesk.cn";
    public const string Token = "token";
    public const string StructKey = "708ff6dc-41d5-4med-9ebc-0388zz9d76f1";

    private readonly ServiceProvider provider;

    public ClientHarness(Action<UdeskOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddUdeskClient(UdeskServiceCollectionExtensions.DefaultCompany, options =>
            {
                options.BaseUrl = new Uri("https://demo.udesk.cn/open_api_v1");
                options.Email = Email;
                options.ApiToken = Token;
                options.StructuredMessageKey = StructKey;
                options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
                configure?.Invoke(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Udesk);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Client = provider.GetRequiredService<IUdeskClient>();
    }

    public FakeUdeskHandler Udesk { get; } = new();

    public IUdeskClient Client { get; }

    public RecordedRequest Single => Assert.Single(Udesk.Requests);

    public void Dispose() => provider.Dispose();
}
