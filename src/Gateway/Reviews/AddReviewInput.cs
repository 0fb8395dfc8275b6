namespace Gateway.Reviews;

/// <summary>A review as the customer submits it; the review service validates and trims it.</summary>
public sealed record AddReviewInput(int ProductId, int Rating, string Title, string? Body);
