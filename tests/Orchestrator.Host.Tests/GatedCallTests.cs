using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Host.Api;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Host.Tests;

/// <summary>How a Udesk call made through the gate answers the platform when Udesk itself refused it.</summary>
public sealed class GatedCallTests
{
    [Fact]
    public void Udesks_own_429_is_passed_on_with_the_Retry_After_it_gave()
    {
        var call = GatedCall<string>.Made(UdeskResult<string>.Failure(new UdeskError(UdeskErrorKind.RateLimited, "GET im/urobots answered HTTP 429.", HttpStatus: 429, RetryAfter: TimeSpan.FromSeconds(6.2))));

        var answer = Assert.IsType<RetryAfterResult>(call.ToHttp());

        Assert.Equal(7, answer.RetryAfterSeconds);
    }

    [Fact]
    public void A_429_without_Retry_After_is_a_plain_problem()
    {
        var call = GatedCall<string>.Made(UdeskResult<string>.Failure(new UdeskError(UdeskErrorKind.RateLimited, "GET im/urobots answered HTTP 429.", HttpStatus: 429)));

        var problem = Assert.IsType<ProblemHttpResult>(call.ToHttp());

        Assert.Equal(429, problem.StatusCode);
        Assert.Equal(Problems.BudgetExhausted, problem.ProblemDetails.Type);
    }
}
