using System.Buffers;

namespace Orchestrator.Host.Webhook;

/// <summary>Reads a request body into memory, refusing one larger than a limit without reading it all.</summary>
internal static class BodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        var memory = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(memory, cancellationToken)) > 0)
        {
            if (buffer.WrittenCount + read > limit)
            {
                return null;
            }

            buffer.Write(memory.AsSpan(0, read));
        }

        return buffer.WrittenMemory;
    }
}
