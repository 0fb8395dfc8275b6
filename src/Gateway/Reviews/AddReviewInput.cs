using System.ComponentModel;
using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;

namespace Gateway.Reviews;

/// <summary>A review as the customer submits it (<c>AddReviewInput</c>); the review service validates and trims it.</summary>
public sealed record AddReviewInput(
    [GlobalId<Product>] int ProductId,
    [Description("1 to 5 stars.")] int Rating,
    [Description("1 to 120 characters, trimmed.")] string Title,
    [Description("Up to 4,000 characters.")] string? Body);
