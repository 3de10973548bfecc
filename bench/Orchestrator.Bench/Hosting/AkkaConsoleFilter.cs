using System.Text;

namespace Orchestrator.Bench.Hosting;

/// <summary>
/// The service's actor system logs to stdout through Akka's standard-out logger at INFO, and its configuration
/// cannot be changed from outside src/. This writer in front of stdout drops Akka's INFO and DEBUG lines so the
/// bench's output stays readable; warnings and errors still pass.
/// </summary>
internal sealed class AkkaConsoleFilter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder line = new();

    public override Encoding Encoding => inner.Encoding;

    public static void Install() => Console.SetOut(new AkkaConsoleFilter(Console.Out));

    public override void Write(char value)
    {
        lock (line)
        {
            if (value != '\n')
            {
                line.Append(value);
                return;
            }

            var text = line.ToString();
            line.Clear();
            if (!text.StartsWith("[INFO]", StringComparison.Ordinal) && !text.StartsWith("[DEBUG]", StringComparison.Ordinal))
            {
                inner.WriteLine(text);
                inner.Flush();
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }
}
