using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// Binds a section and checks it before anything starts: Akka needs some settings while the host is being built,
/// before <c>ValidateOnStart</c> would run. Failures name the configuration key.
/// </summary>
internal static class ValidatedConfiguration
{
    public static T Bind<T>(IConfiguration configuration, string section, IValidateOptions<T>? validator = null)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        var custom = validator?.Validate(Options.DefaultName, options);
        if (custom is { Failed: true })
        {
            failures.AddRange(custom.Failures);
        }

        return failures.Count == 0 ? options : throw new OptionsValidationException(section, typeof(T), failures);
    }
}
