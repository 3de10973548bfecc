using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.DependencyInjection;

namespace Orchestrator.Udesk.Tests.Configuration;

public sealed class UdeskOptionsValidationTests
{
    private static OptionsValidationException Invalid(Action<UdeskOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddUdeskClient("acme", configure);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<UdeskOptions>>().Get("acme"));
    }

    [Fact]
    public void Missing_settings_are_named_with_the_company()
    {
        var error = Invalid(_ => { });

        Assert.Contains("Udesk company 'acme': The BaseUrl field is required.", error.Failures);
        Assert.Contains(error.Failures, f => f.Contains("Email", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ApiToken", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relative_or_non_http_base_url_is_refused()
    {
        var error = Invalid(o =>
        {
            o.BaseUrl = new Uri("ftp://demo.udesk.cn/");
            o.Email = "a@b";
            o.ApiToken = "t";
        });

        Assert.Contains(error.Failures, f => f.Contains("absolute http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Resilience_settings_are_validated_too()
    {
        var error = Invalid(o =>
        {
            o.BaseUrl = new Uri("https://demo.udesk.cn/open_api_v1/");
            o.Email = "a@b";
            o.ApiToken = "t";
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(2);
            o.Resilience.TotalTimeout = TimeSpan.FromMinutes(1);
        });

        Assert.Contains(error.Failures, f => f.Contains("Resilience:", StringComparison.Ordinal) && f.Contains("MaxRetryAttempts", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("AttemptTimeout must not exceed", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_settings_pass()
    {
        var services = new ServiceCollection();
        services.AddUdeskClient("acme", o =>
        {
            o.BaseUrl = new Uri("https://demo.udesk.cn/open_api_v1/");
            o.Email = "a@b";
            o.ApiToken = "t";
        });
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IUdeskClientFactory>().For("acme"));
    }
}
