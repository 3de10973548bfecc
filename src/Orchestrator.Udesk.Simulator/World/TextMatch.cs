using System.Text.RegularExpressions;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>How the robots recognise a question in what the customer wrote: case-insensitive, HTML ignored.</summary>
internal static partial class TextMatch
{
    public static string Normalize(string text) => Tags().Replace(text, " ").Trim().ToLowerInvariant();

    public static bool Contains(string normalizedText, string phrase) =>
        !string.IsNullOrWhiteSpace(phrase) && normalizedText.Contains(phrase.Trim().ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>A whole word of the text equals <paramref name="word"/>, or the text is just that word.</summary>
    public static bool HasWord(string normalizedText, string word) =>
        normalizedText == word.ToLowerInvariant() || Words(normalizedText).Contains(word.ToLowerInvariant());

    /// <summary>Words of three letters or more, for "did you mean" suggestions.</summary>
    public static IEnumerable<string> Words(string normalizedText) =>
        NonLetters().Split(normalizedText).Where(w => w.Length >= 3);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonLetters();
}
