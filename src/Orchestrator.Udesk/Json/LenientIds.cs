using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// Gives every integer property named <c>Id</c> or <c>…Id</c> (so <c>id</c>, <c>*_id</c>, camelCase <c>*Id</c> on the
/// wire) the <see cref="LenientNullableIdConverter{T}"/>, so a new id field cannot forget it. Other integers are
/// quantities (<see cref="LenientNullableQuantityConverter{T}"/>, registered by type).
/// </summary>
internal static class LenientIds
{
    private static readonly JsonConverter LongId = new LenientNullableIdConverter<long>();
    private static readonly JsonConverter IntId = new LenientNullableIdConverter<int>();

    public static void Apply(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.CustomConverter is null && IsIdName((property.AttributeProvider as MemberInfo)?.Name))
            {
                property.CustomConverter = property.PropertyType == typeof(long?) ? LongId
                    : property.PropertyType == typeof(int?) ? IntId
                    : null;
            }
        }
    }

    private static bool IsIdName(string? name) => name is not null && name.EndsWith("Id", StringComparison.Ordinal);
}
