using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary><c>POST /log_in</c>: the admin e-mail and password for the open-api token. Not signed, not counted.</summary>
internal sealed class LogInEndpoints(IOptions<SimulatorOptions> options)
{
    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline) =>
        pipeline.Map(routes, "POST", "log_in", AuthScheme.None, LogIn);

    private UdeskReply LogIn(OpenApiRequest request)
    {
        var settings = options.Value;
        var (email, password) = (request.String("email"), request.String("password"));
        if (Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("email", email), ("password", password)) is { } missing)
        {
            return missing;
        }

        var passwordMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password!), Encoding.UTF8.GetBytes(settings.Password));
        return string.Equals(email, settings.Email, StringComparison.OrdinalIgnoreCase) && passwordMatches
            ? UdeskReply.Success(("open_api_auth_token", settings.ApiToken))
            : UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "Wrong email or password.");
    }
}
