namespace Gateway.Customers;

public sealed class Customer
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Private to the customer and to admins.</summary>
    public required string Email { get; set; }

    public DateTime MemberSince { get; set; }
}
