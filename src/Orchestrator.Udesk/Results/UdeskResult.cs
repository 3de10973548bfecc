using System.Diagnostics.CodeAnalysis;

namespace Orchestrator.Udesk.Results;

/// <summary>The outcome of one call: a value, or a typed <see cref="UdeskError"/>. Never both.</summary>
public sealed class UdeskResult<T>
{
    private UdeskResult(T? value, UdeskError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public UdeskError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static UdeskResult<T> Success(T value) => new(value, null);

    public static UdeskResult<T> Failure(UdeskError error) => new(default, error);

    /// <summary>For callers that prefer exceptions: the value, or <see cref="UdeskException"/>.</summary>
    public T GetValueOrThrow() => IsSuccess ? Value : throw new UdeskException(Error);

    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error})";
}
