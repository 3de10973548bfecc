using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orchestrator.Host.Operations;

namespace Orchestrator.Host.Api.OpenApi;

/// <summary>
/// Each operation names the key it needs, read from its endpoint's authorization: the operator key for the
/// management policy, a platform API key for any other; routes without authorization name none.
/// </summary>
internal sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public const string ApiKey = "ApiKey";
    public const string ManagementKey = "ManagementKey";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var authorization = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().ToList();
        if (authorization.Count == 0)
        {
            return Task.CompletedTask;
        }

        var scheme = authorization.Any(a => a.Policy == ManagementAccess.Policy) ? ManagementKey : ApiKey;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        return Task.CompletedTask;
    }
}
