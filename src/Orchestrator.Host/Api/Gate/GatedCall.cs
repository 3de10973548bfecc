using System.Diagnostics.CodeAnalysis;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Host.Api.Gate;

/// <summary>A Udesk call through the <see cref="UdeskCallGate"/>: its result, or the answer to give because it was not made.</summary>
public sealed class GatedCall<T>
{
    private GatedCall(UdeskResult<T>? result, IResult? notMade)
    {
        Result = result;
        NotMadeAnswer = notMade;
    }

    /// <summary>Udesk's answer, when the call was made.</summary>
    public UdeskResult<T>? Result { get; }

    /// <summary>The HTTP answer when no permit was given (429) or the budget did not answer (503).</summary>
    public IResult? NotMadeAnswer { get; }

    [MemberNotNullWhen(true, nameof(Result))]
    public bool WasMade => Result is not null;

    /// <summary>The value when the call was made and succeeded.</summary>
    public bool Succeeded([NotNullWhen(true)] out T? value)
    {
        value = Result is { IsSuccess: true } ok ? ok.Value : default;
        return Result is { IsSuccess: true };
    }

    public static GatedCall<T> Made(UdeskResult<T> result) => new(result, null);

    public static GatedCall<T> NotMade(IResult answer) => new(null, answer);

    /// <summary>
    /// Success as <paramref name="answer"/> (200 with the value by default); a Udesk error as its problem, Udesk's own
    /// 429 with the <c>Retry-After</c> it gave.
    /// </summary>
    public IResult ToHttp(Func<T, IResult>? answer = null) =>
        NotMadeAnswer
        ?? (Result!.IsSuccess ? answer?.Invoke(Result.Value) ?? Results.Ok(Result.Value)
            : Result.Error is { Kind: UdeskErrorKind.RateLimited, RetryAfter: { } wait } ? new RetryAfterResult(RetryAfterResult.Seconds(wait))
            : Problems.Result(Problems.FromUdesk(Result.Error)));
}
