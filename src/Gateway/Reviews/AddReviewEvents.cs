namespace Gateway.Reviews;

/// <summary>Published after a review is committed, for <c>onReviewAdded(productId)</c>.</summary>
public sealed record ReviewAdded(int ProductId, int ReviewId);

/// <summary>Event-bus topics of the Reviews module.</summary>
public static class ReviewTopics
{
    /// <summary>Reviews added to one product.</summary>
    public static string ReviewsOf(int productId) => $"reviews/{productId}";
}
