using System.Buffers;

namespace Orchestrator.Host.Api.UdeskPush;

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

        // Read straight into the result: one buffer per request, sized by Content-Length when there is one
        // (+1 so the read that finds the end needs no bigger buffer).
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length + 1 : 4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
