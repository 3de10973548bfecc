using System.Diagnostics;

namespace Orchestrator.Host.Tenancy;

/// <summary>
/// Everything logged while an authenticated request runs carries its tenant and API key name (never the key), and
/// its trace activity the same as tags, so a leaked or misbehaving key can be told from the tenant's others.
/// </summary>
internal static class CallerLogScope
{
    public static IApplicationBuilder UseCallerLogScope(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CallerLogScope));
        return app.Use(async (context, next) =>
        {
            if (context.User.ApiKeyName() is not { } keyName)
            {
                await next(context);
                return;
            }

            var tenant = context.User.Tenant();
            Activity.Current?.SetTag("orchestrator.tenant", tenant).SetTag("orchestrator.api_key_name", keyName);
            using (log.BeginScope(new Dictionary<string, object> { ["Tenant"] = tenant, ["ApiKeyName"] = keyName }))
            {
                await next(context);
            }
        });
    }
}
