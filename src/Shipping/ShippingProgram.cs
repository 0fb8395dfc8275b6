using Shipping.Hosting;

namespace Shipping;

/// <summary>The shipping service on its own: <c>dotnet run --project src/Shipping</c>, GraphQL at http://localhost:5100/graphql.</summary>
public static class ShippingProgram
{
    public const string DefaultUrl = "http://localhost:5100";

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddShippingService(builder.Configuration);
        var app = builder.Build();
        app.UseShippingService();
        app.Run();
    }
}
