using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Conversations.Hosting;

namespace Orchestrator.Conversations.Tests.Serialization;

/// <summary>An actor system with the conversation serialization registered exactly as the service registers it.</summary>
public sealed class SerializationHost : IAsyncLifetime
{
    private IHost host = null!;

    public Akka.Serialization.Serialization Serialization => host.Services.GetRequiredService<ActorSystem>().Serialization;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAkka("serialization-test", akka => akka.WithConversationSerialization());
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
