using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Configuration;

namespace Orchestrator.Udesk.DependencyInjection;

internal sealed class UdeskClientFactory(IHttpClientFactory httpClients, IOptionsMonitor<UdeskOptions> options) : IUdeskClientFactory
{
    public IUdeskClient For(string company) =>
        new UdeskClient(httpClients.CreateClient(UdeskServiceCollectionExtensions.HttpClientName(company)), options.Get(company));
}
