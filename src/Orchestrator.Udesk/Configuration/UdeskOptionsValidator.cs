using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Orchestrator.Udesk.Configuration;

/// <summary>Checks a company's settings at start, naming the company and the setting that is wrong.</summary>
public sealed class UdeskOptionsValidator : IValidateOptions<UdeskOptions>
{
    public ValidateOptionsResult Validate(string? name, UdeskOptions options)
    {
        var failures = new List<string>();
        Collect(options, "", failures);
        Collect(options.Resilience, "Resilience:", failures);
        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add("BaseUrl must be an absolute http(s) URL such as https://demo.udesk.cn/open_api_v1/.");
        }

        if (options.Resilience.AttemptTimeout > options.Resilience.TotalTimeout)
        {
            failures.Add("Resilience:AttemptTimeout must not exceed Resilience:TotalTimeout.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"Udesk company '{name}': {f}"));
    }

    private static void Collect(object target, string prefix, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        failures.AddRange(results.Select(r => prefix + r.ErrorMessage));
    }
}
