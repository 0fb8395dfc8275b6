using Microsoft.Data.Sqlite;

namespace Shipping.Store;

/// <summary>
/// The store's connection string, and for an in-memory store (the default) the connection that keeps it alive:
/// a shared-cache memory database lives as long as one connection to it is open.
/// </summary>
public sealed class ShippingStoreConnection : IDisposable
{
    private readonly SqliteConnection? _keeper;

    public ShippingStoreConnection(string? connectionString)
    {
        // A name of its own per service instance: two embedded services in one process (tests) never share data.
        ConnectionString = string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source=shipping-{Guid.NewGuid():N};Mode=Memory;Cache=Shared"
            : connectionString;
        if (new SqliteConnectionStringBuilder(ConnectionString).Mode == SqliteOpenMode.Memory)
        {
            _keeper = new SqliteConnection(ConnectionString);
            _keeper.Open();
        }
    }

    public string ConnectionString { get; }

    public void Dispose() => _keeper?.Dispose();
}
