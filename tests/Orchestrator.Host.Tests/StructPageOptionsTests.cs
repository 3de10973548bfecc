using System.ComponentModel.DataAnnotations;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>The structured-message page's settings are checked at start, each failure naming its key.</summary>
public sealed class StructPageOptionsTests
{
    [Fact]
    public void Bad_templates_fail_validation_naming_the_setting()
    {
        var options = Options(
            new StructuredMessageTemplate { Name = "a", Title = "A", Description = "d", ImgUrl = "not a url" },
            new StructuredMessageTemplate
            {
                Name = "a",
                Title = "B",
                Description = "d",
                ImgUrl = "https://example.com/b.png",
                Buttons = [new StructuredMessageTemplateButton { Type = "sdk_callback", Text = "Go", Value = "v" }],
            });

        var result = new OrchestratorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith("Orchestrator:Tenants:t:StructuredMessages:0:ImgUrl", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("Orchestrator:Tenants:t:StructuredMessages:1:Buttons:0:CallbackName", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.Contains("several templates named 'a'", StringComparison.Ordinal));
    }

    [Fact]
    public void Good_templates_pass_and_the_signature_window_is_bounded()
    {
        var options = Options(new StructuredMessageTemplate { Name = "a", Title = "A", Description = "d", ImgUrl = "https://example.com/a.png" });

        Assert.True(new OrchestratorOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(5), options.StructPageSignatureWindow);
        options.StructPageSignatureWindow = TimeSpan.FromDays(2);
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    private static OrchestratorOptions Options(params StructuredMessageTemplate[] templates) => new()
    {
        Tenants =
        {
            ["t"] = new TenantOptions { ApiKeys = [new() { Key = "0123456789abcdef" }], PushSecret = "0123456789abcdef", StructuredMessages = [.. templates] },
        },
    };
}
