using Gateway.Errors;

namespace Gateway.Reviews;

/// <summary><c>type AddReviewPayload { review: Review, errors: [AddReviewError!] }</c>.</summary>
public sealed class AddReviewPayloadType() : EntityPayloadType<Review, AddReviewErrorType>("AddReviewPayload", "review", "Review");
