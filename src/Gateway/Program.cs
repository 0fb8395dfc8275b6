using Gateway.Auth;
using Gateway.Diagnostics;
using Gateway.Http;
using Gateway.Messaging;
using Gateway.Schema;
using Gateway.Shipping;
using Gateway.Store;
using Gateway.WarmUp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStore(builder.Configuration);
builder.Services.AddStorefrontAuth();
builder.Services.AddStorefrontRedis();
builder.Services.AddStorefrontGraphQL(builder.Configuration);
builder.Services.AddShippingModule(builder.Configuration);
builder.Services.AddStorefrontHealthChecks();
builder.Services.AddGracefulShutdown();
builder.Services.AddScreenWarmUp(builder.Environment);
builder.Services.AddStorefrontTelemetry(builder.Configuration);

if (await TokenCommand.TryRunAsync(builder, args)) return;

var app = builder.Build();
// Before the HTTP endpoint: WebSocket upgrades to /graphql are subscriptions (graphql-transport-ws).
app.UseGraphQLWebSockets("/graphql");
// The shipping service, when the gateway serves it itself (no Shipping:Url).
app.MapEmbeddedShipping();
app.MapGraphQLHttp();
app.MapRestApi();
app.MapStorefrontHealthChecks();
app.MapStorefrontTelemetry();
app.Run();

/// <summary>Entry point, public so that tests can host it through WebApplicationFactory.</summary>
public partial class Program;
