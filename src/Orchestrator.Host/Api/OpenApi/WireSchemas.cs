using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Host.Api.OpenApi;

/// <summary>
/// Schemas as the wire has them where the generator cannot see it: a <see cref="JsonElement"/> is any JSON value
/// (inline, not a component a client would make a class of), a <see cref="UdeskTimestamp"/> is written as a string,
/// and a nullable property may be absent because nulls are never written (<c>JsonIgnoreCondition.WhenWritingNull</c>).
/// </summary>
internal sealed class WireSchemas : IOpenApiSchemaTransformer
{
    public static string? ReferenceId(JsonTypeInfo type) =>
        WireType(type) == typeof(JsonElement) || WireType(type) == typeof(UdeskTimestamp) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (WireType(context.JsonTypeInfo) == typeof(UdeskTimestamp))
        {
            schema.Type = JsonSchemaType.String;
        }

        if (schema is { Required.Count: > 0, Properties: { } properties })
        {
            foreach (var (name, property) in properties)
            {
                if (MayBeNull(property))
                {
                    schema.Required.Remove(name);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static Type WireType(JsonTypeInfo type) => Nullable.GetUnderlyingType(type.Type) ?? type.Type;

    /// <summary>A type that includes null, a <c>oneOf</c> with null, or any value (<c>{}</c>).</summary>
    private static bool MayBeNull(IOpenApiSchema property) =>
        property.Type is { } type ? type.HasFlag(JsonSchemaType.Null)
        : property.OneOf is { } oneOf ? oneOf.Any(MayBeNull)
        : property is not OpenApiSchemaReference;
}
