using Microsoft.AspNetCore.Http;

namespace Gateway.Http.Cost;

/// <summary>
/// The cost spent so far by one HTTP request, so that a batch counts against the budget as a whole: each entry's
/// cost is added to its predecessors' before the limits are checked. A WebSocket's upgrade request lives as long as
/// the socket and runs independent operations, so it has no running total.
/// </summary>
internal sealed class RequestCostBudget
{
    private static readonly object Key = new();

    public double FieldCost { get; private set; }

    public double TypeCost { get; private set; }

    public int Operations { get; private set; }

    /// <summary>The running total of <paramref name="http"/>, or null when there is none (no request, or a WebSocket).</summary>
    public static RequestCostBudget? For(HttpContext? http)
    {
        if (http is null || http.WebSockets.IsWebSocketRequest)
        {
            return null;
        }

        if (http.Items.TryGetValue(Key, out var existing) && existing is RequestCostBudget budget)
        {
            return budget;
        }

        budget = new RequestCostBudget();
        http.Items[Key] = budget;
        return budget;
    }

    /// <summary>The totals if <paramref name="cost"/> were added.</summary>
    public OperationCost With(OperationCost cost) => new(FieldCost + cost.FieldCost, TypeCost + cost.TypeCost);

    public void Add(OperationCost cost)
    {
        FieldCost += cost.FieldCost;
        TypeCost += cost.TypeCost;
        Operations++;
    }
}
