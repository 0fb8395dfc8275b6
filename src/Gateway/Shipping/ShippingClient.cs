using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.Shipping;

/// <summary>
/// Calls the shipping service: one HTTP request for every parcel of a request, through the resilience pipeline
/// (see <see cref="ShippingModule"/>). It never throws for the remote's failures: each parcel gets an outcome, and a
/// failure becomes the error code its fields report.
/// </summary>
public sealed class ShippingClient(HttpClient http, ShippingEndpoint endpoint, IOptions<ShippingOptions> options,
    ShippingCallStats stats, ILogger<ShippingClient> logger)
{
    public async Task<IReadOnlyDictionary<DeliveryRequest, DeliveryOutcome>> EstimateAsync(
        IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        var countries = requests.GroupBy(r => r.Country).ToList();
        var (query, variables) = ShippingOperation.Build(countries);
        // The pipeline's total timeout covers the handlers; this one also covers reading the body, which a slow
        // remote could otherwise stretch past the budget after sending its headers.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        string outcome = "ok";
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint.Uri, new { query, variables }, budget.Token);
            if (!response.IsSuccessStatusCode)
            {
                outcome = $"HTTP {(int)response.StatusCode}";
                return Fail(requests, UpstreamErrors.Unavailable, $"The shipping service answered {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(budget.Token);
            return ShippingOperation.Read(body, countries);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Classify(exception) is var (code, message))
        {
            outcome = code;
            logger.LogWarning(exception, "Shipping service call failed ({Code}): {Message}", code, message);
            return Fail(requests, code, message);
        }
        finally
        {
            stats.Record(Stopwatch.GetElapsedTime(started), outcome);
        }
    }

    private static (string Code, string Message)? Classify(Exception exception) => exception switch
    {
        TimeoutRejectedException or OperationCanceledException =>
            (UpstreamErrors.Timeout, "The shipping service did not answer in time."),
        BrokenCircuitException =>
            (UpstreamErrors.Unavailable, "The shipping service is failing; calls are paused for a moment."),
        HttpRequestException =>
            (UpstreamErrors.Unavailable, "The shipping service cannot be reached."),
        JsonException or FormatException or InvalidOperationException or KeyNotFoundException =>
            (UpstreamErrors.Unavailable, "The shipping service answered something that is not the expected GraphQL response."),
        UpstreamRejectedException rejected =>
            (UpstreamErrors.Unavailable, rejected.Message),
        _ => null,
    };

    private static Dictionary<DeliveryRequest, DeliveryOutcome> Fail(IReadOnlyList<DeliveryRequest> requests, string code, string message) =>
        requests.Distinct().ToDictionary(r => r, _ => DeliveryOutcome.Failed(code, message));
}
