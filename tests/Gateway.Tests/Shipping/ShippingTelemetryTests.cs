using System.Diagnostics;
using Gateway.Http.Telemetry;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Shipping;

public sealed class ShippingTelemetryTests
{
    [Fact]
    public async Task The_remote_call_is_an_http_client_span_under_the_operation()
    {
        await using var remote = await RemoteShipping.StartAsync();
        var spans = new List<Activity>();
        await using var gateway = new ShippingGatewayFactory(remote.Url) { Spans = spans };

        await gateway.CreateClient().QueryAsync("query TracedDelivery " + DeliveryQueries.CatalogPage(5));

        List<Activity> finished;
        lock (spans)
        {
            finished = [.. spans];
        }

        var operation = Assert.Single(finished, s => s.Source.Name == GraphQLOperationTelemetry.ActivitySourceName
            && Equals(s.GetTagItem("graphql.operation.name"), "TracedDelivery"));
        var call = Assert.Single(finished, s => s.Kind == ActivityKind.Client && s.ParentSpanId == operation.SpanId
            && (s.GetTagItem("url.full") as string ?? "").StartsWith(remote.Url, StringComparison.Ordinal));
        Assert.Equal("POST", call.GetTagItem("http.request.method"));
    }
}
