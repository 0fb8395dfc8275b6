namespace Gateway.Customers;

/// <summary>Names of the authorization policies that guard customers' private data.</summary>
public static class CustomerPolicies
{
    /// <summary>The signed-in customer who owns the data, or an admin.</summary>
    public const string OwnerOrAdmin = "customer-owner-or-admin";

    /// <summary>Any signed-in customer.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A signed-in admin (e.g. moving an order along its statuses).</summary>
    public const string Admin = "admin";
}
