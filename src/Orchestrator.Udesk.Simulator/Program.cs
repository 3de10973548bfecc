using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;
using Orchestrator.Udesk.Simulator.World;

// The simulator as its own process: dotnet run --project src/Orchestrator.Udesk.Simulator -- --urls http://127.0.0.1:5599
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddUdeskSimulator(builder.Configuration);
var app = builder.Build();
app.MapUdeskSimulator();
app.Lifetime.ApplicationStarted.Register(() =>
{
    var options = app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
    var seed = app.Services.GetRequiredService<SimulatorRandom>().Seed;
    foreach (var address in app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses)
    {
        Console.WriteLine($"Udesk simulator Open API base URL: {address.TrimEnd('/')}/open_api_v1/");
        Console.WriteLine($"Control API: {address.TrimEnd('/')}/_sim/");
    }

    Console.WriteLine($"Email: {options.Email}");
    Console.WriteLine($"ApiToken: {options.ApiToken}");
    Console.WriteLine($"StructuredMessageKey: {options.StructuredMessageKey}");
    Console.WriteLine($"Seed: {seed} (set Simulator:Seed to repeat this run)");
});
app.Run();
