using Microsoft.AspNetCore.Http.Features;

namespace Orchestrator.Host.Api.UdeskPush;

/// <summary>
/// Takes the secret out of a push URL's path (<c>/udesk/{tenant}/push/{secret}</c>) before anything sees the
/// request: ASP.NET Core logs the path ("Request starting", the <c>RequestPath</c> scope) before any middleware
/// runs, and tracing records it as <c>url.path</c>. The path becomes <c>/udesk/{tenant}/push/redacted</c>; the
/// push endpoint reads the secret from <see cref="PushSecretFeature"/>.
/// </summary>
internal sealed class PushSecretRedaction(IHttpContextFactory inner) : IHttpContextFactory
{
    public const string Placeholder = "redacted";

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        if (featureCollection.Get<IHttpRequestFeature>() is { } request && SecretOf(request.Path) is { } secret)
        {
            var redacted = request.Path[..^secret.Length] + Placeholder;
            request.Path = redacted;
            request.RawTarget = redacted + request.QueryString;
            featureCollection.Set(new PushSecretFeature(secret));
        }

        return inner.Create(featureCollection);
    }

    public void Dispose(HttpContext httpContext) => inner.Dispose(httpContext);

    /// <summary>The last segment of <c>/udesk/{tenant}/push/{secret}</c>, as routing would have bound it.</summary>
    private static string? SecretOf(string path)
    {
        var segments = path.Split('/');
        return segments is ["", "udesk", { Length: > 0 }, "push", { Length: > 0 } secret] ? secret : null;
    }
}

/// <summary>The push secret a request's path carried before <see cref="PushSecretRedaction"/> took it out.</summary>
internal sealed record PushSecretFeature(string Secret);
