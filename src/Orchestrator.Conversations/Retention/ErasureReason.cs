namespace Orchestrator.Conversations.Retention;

/// <summary>Why a conversation's data was erased.</summary>
public enum ErasureReason
{
    /// <summary>The retention job: closed longer ago than <c>Orchestrator:Retention:ClosedAfter</c>.</summary>
    Retention,

    /// <summary>The platform asked (<c>DELETE /v1/customers/{token}/data</c>).</summary>
    Request,
}
