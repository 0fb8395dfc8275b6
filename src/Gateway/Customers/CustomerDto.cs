namespace Gateway.Customers;

/// <summary>A customer as the REST API serves it; <see cref="Email"/> is null unless the caller is the customer or an admin.</summary>
public sealed record CustomerDto(int Id, string Name, string? Email, DateTime MemberSince);
