using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Orchestrator.Udesk.Http;

/// <summary>
/// Sends a <see cref="UdeskCall"/> and reads the answer honestly: HTTP 200 with a code other than 1000 is a
/// business error; transport trouble, HTTP 429 and malformed answers are typed errors too. Only the caller's
/// own cancellation escapes as an exception.
/// </summary>
internal sealed class UdeskTransport(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<UdeskResult<T>> SendAsync<T>(UdeskCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, QueryString.Append(new Uri(call.Path, UriKind.Relative), call.Query));
        request.Options.Set(UdeskRequestAuthentication.Key, call.Authentication);
        if (call.Body is not null)
        {
            // Bytes, not a stream: the resilience pipeline may send the same content more than once.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(call.Body, UdeskJson.Options));
            request.Content.Headers.ContentType = Json;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException)
        {
            return Failure<T>(UdeskErrorKind.Transport, $"{call.Method} {call.Path} failed: {e.Message}", mayHaveExecuted: !NeverReachedUdesk(e));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var kind = response.StatusCode switch
                {
                    HttpStatusCode.TooManyRequests => UdeskErrorKind.RateLimited,
                    HttpStatusCode.RequestTimeout => UdeskErrorKind.Transport,
                    _ when status >= 500 => UdeskErrorKind.Transport,
                    _ => UdeskErrorKind.InvalidResponse,
                };
                // A 5xx or 408 may come after Udesk did the work (the answer was lost on the way back).
                return Failure<T>(
                    kind, $"{call.Method} {call.Path} answered HTTP {status}.", httpStatus: status, retryAfter: response.Headers.RetryAfter.WaitFrom(DateTimeOffset.UtcNow),
                    mayHaveExecuted: kind == UdeskErrorKind.Transport);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Read<T>(call, body);
        }
    }

    internal static UdeskResult<T> Read<T>(UdeskCall call, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(call.CodeField, out var codeElement))
            {
                return Failure<T>(UdeskErrorKind.InvalidResponse, $"{call.Method} {call.Path} answered without a '{call.CodeField}'.");
            }

            if (!TryReadCode(codeElement, out var code))
            {
                return Failure<T>(UdeskErrorKind.InvalidResponse, $"{call.Method} {call.Path} answered a non-numeric '{call.CodeField}': {codeElement}.");
            }

            if (code != UdeskCodes.Success && !call.DataCodes.Contains(code))
            {
                var message = root.TryGetProperty("message", out var m) ? m.ToString() : "";
                return Failure<T>(UdeskErrorKind.Business, string.IsNullOrEmpty(message) ? $"Udesk code {code}." : message, code);
            }

            var value = root.Deserialize<T>(UdeskJson.Options);
            return value is null
                ? Failure<T>(UdeskErrorKind.InvalidResponse, $"{call.Method} {call.Path} answered null.")
                : UdeskResult<T>.Success(value);
        }
        catch (JsonException e)
        {
            return Failure<T>(UdeskErrorKind.InvalidResponse, $"{call.Method} {call.Path} answered malformed JSON: {e.Message}");
        }
    }

    /// <summary><c>code</c> is usually a number but has been seen as a string ("1000").</summary>
    private static bool TryReadCode(JsonElement element, out int code)
    {
        code = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out code),
            JsonValueKind.String => int.TryParse(element.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out code),
            _ => false,
        };
    }

    /// <summary>
    /// Whether <paramref name="failure"/> happened before the request left: no connection could be made, or the
    /// circuit is open. Only such a call is surely without effect at Udesk.
    /// </summary>
    internal static bool NeverReachedUdesk(Exception? failure) => failure switch
    {
        BrokenCircuitException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        _ => false,
    };

    private static UdeskResult<T> Failure<T>(
        UdeskErrorKind kind, string message, int? code = null, int? httpStatus = null, TimeSpan? retryAfter = null, bool mayHaveExecuted = false) =>
        UdeskResult<T>.Failure(new UdeskError(kind, message, code, httpStatus, retryAfter, mayHaveExecuted));

}
