namespace Gateway.Reviews;

/// <summary>A review as the REST API serves it: its product and author as ids.</summary>
public sealed record ReviewDto(int Id, int ProductId, int AuthorId, int Rating, string Title, string? Body, DateTime CreatedAt);

/// <summary>A product's rating: the average of its reviews (null when it has none) and how many there are.</summary>
public sealed record RatingDto(int ProductId, double? Average, int Count);
