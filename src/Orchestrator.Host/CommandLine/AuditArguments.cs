using System.Globalization;
using Orchestrator.Conversations.Audit;

namespace Orchestrator.Host.CommandLine;

/// <summary>The command line's audit commands, parsed; what is not theirs is configuration for the store.</summary>
public abstract record AuditArguments(string Tenant, string[] Configuration)
{
    public sealed record Audit(string Tenant, string Token, AuditFormat Format, string[] Configuration) : AuditArguments(Tenant, Configuration);

    public sealed record Export(string Tenant, DateTimeOffset From, DateTimeOffset To, string Out, long AfterOffset, string[] Configuration)
        : AuditArguments(Tenant, Configuration);

    public static bool TryParse(string[] args, out AuditArguments command, out string? problem)
    {
        command = null!;
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--format" or "--from" or "--to" or "--out" or "--offset")
            {
                if (i + 1 >= args.Length)
                {
                    problem = $"{args[i]} needs a value.";
                    return false;
                }

                options[args[i][2..]] = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                // Configuration, e.g. --Orchestrator:Store:ConnectionString "Data Source=…", with its value if separate.
                rest.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    rest.Add(args[++i]);
                }
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        problem = args[0] == "audit" ? ParseAudit(positional, options, [.. rest], out command) : ParseExport(positional, options, [.. rest], out command);
        return problem is null;
    }

    private static string? ParseAudit(List<string> positional, Dictionary<string, string> options, string[] rest, out AuditArguments command)
    {
        command = null!;
        if (positional.Count != 2)
        {
            return "audit takes a tenant and a customer token.";
        }

        if (!AuditWriter.TryParse(options.GetValueOrDefault("format"), out var format))
        {
            return "--format must be json, csv or text.";
        }

        command = new Audit(positional[0], positional[1], format, rest);
        return null;
    }

    private static string? ParseExport(List<string> positional, Dictionary<string, string> options, string[] rest, out AuditArguments command)
    {
        command = null!;
        if (positional.Count != 1)
        {
            return "export takes a tenant.";
        }

        if (!Time(options.GetValueOrDefault("from"), out var from) || !Time(options.GetValueOrDefault("to"), out var to) || from > to)
        {
            return "--from and --to are required ISO 8601 times (such as 2025-11-25T08:00:00Z), from not after to.";
        }

        if (!options.TryGetValue("out", out var file) || string.IsNullOrWhiteSpace(file))
        {
            return "--out names the file to write.";
        }

        var after = 0L;
        if (options.TryGetValue("offset", out var offset) && (!long.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
        {
            return "--offset must be 0 or the offset of an exported line.";
        }

        command = new Export(positional[0], from, to, file, after, rest);
        return null;
    }

    private static bool Time(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
