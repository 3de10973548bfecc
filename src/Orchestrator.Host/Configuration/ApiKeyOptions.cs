using System.ComponentModel;
using System.Globalization;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// One bearer key of a tenant (<c>Orchestrator:Tenants:{name}:ApiKeys:{i}</c>): <c>Name</c> with either <c>Key</c> or
/// its <c>Sha256</c>, or just the key as a plain string (named <c>key-{i}</c>). Several keys at once allow rotation.
/// </summary>
[TypeConverter(typeof(PlainKeyConverter))]
public sealed class ApiKeyOptions
{
    public const int MinimumKeyLength = 16;

    /// <summary>What logs and the authenticated principal call this key; <c>key-{i}</c> when empty.</summary>
    public string Name { get; set; } = "";

    /// <summary>The key itself (16+ characters).</summary>
    public string? Key { get; set; }

    /// <summary>The SHA-256 of the key's UTF-8 bytes, 64 hexadecimal digits, so the key itself need not be configured.</summary>
    public string? Sha256 { get; set; }

    public string NameAt(int index) => string.IsNullOrWhiteSpace(Name) ? $"key-{index}" : Name;

    /// <summary>The SHA-256 of the key, from whichever form was configured; call only on options without <see cref="Problems"/>.</summary>
    public byte[] Hash() => Key is not null ? SecretHash.Of(Key) : Convert.FromHexString(Sha256!);

    /// <summary>What is wrong with this key, naming <paramref name="prefix"/>.</summary>
    public IEnumerable<string> Problems(string prefix)
    {
        if ((Key is null) == (Sha256 is null))
        {
            yield return $"{prefix} needs either Key or Sha256 (exactly one), or the key as a plain string.";
        }
        else if (Key is { Length: < MinimumKeyLength })
        {
            yield return $"{prefix}: the key needs {MinimumKeyLength} or more characters.";
        }
        else if (Sha256 is not null && (Sha256.Length != 64 || !Sha256.All(char.IsAsciiHexDigit)))
        {
            yield return $"{prefix}:Sha256 must be 64 hexadecimal digits (the SHA-256 of the key's UTF-8 bytes).";
        }
    }

    /// <summary>Binds the plain form <c>ApiKeys:{i}=key</c>.</summary>
    private sealed class PlainKeyConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

        public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => new ApiKeyOptions { Key = (string)value };
    }
}
