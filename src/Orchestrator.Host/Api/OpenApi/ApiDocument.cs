namespace Orchestrator.Host.Api.OpenApi;

/// <summary>The OpenAPI document <c>v1</c> (<c>/openapi/v1.json</c>), with its introduction, security schemes and examples.</summary>
internal static class ApiDocument
{
    public const string Name = "v1";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.CreateSchemaReferenceId = WireSchemas.ReferenceId;
            options.AddDocumentTransformer<ApiDocumentInfo>();
            options.AddOperationTransformer<OperationSecurity>();
            options.AddSchemaTransformer<WireSchemas>();
            options.AddSchemaTransformer<SchemaExamples>();
        });
}
