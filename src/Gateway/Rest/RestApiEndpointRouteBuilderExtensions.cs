using Gateway.Catalog;
using Gateway.Customers;
using Gateway.Diagnostics;
using Gateway.Inventory;
using Gateway.Rest;
using Gateway.Reviews;
using Gateway.Sales;

// In ASP.NET Core's namespace, beside MapGet and MapGroup, so Program.cs maps the API in one line without a using.
namespace Microsoft.AspNetCore.Builder;

public static class RestApiEndpointRouteBuilderExtensions
{
    /// <summary>The path of the route group every REST endpoint lives under.</summary>
    public const string Prefix = "/api";

    /// <summary>
    /// Maps the classic resource-per-entity REST API under <c>/api</c>, one module's endpoints at a time.
    /// When <c>Diagnostics:CountSqlStatements</c> is true it also counts each request's SQL statements
    /// (REST and GraphQL alike) into the <c>X-Sql-Statements</c> response header, for the chattiness benchmark.
    /// </summary>
    public static WebApplication MapRestApi(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(SqlStatementCounting.ConfigurationKey))
        {
            app.UseSqlStatementCounting();
        }
        var api = app.MapGroup(Prefix).WithTags("REST");
        api.MapCatalogApi();
        api.MapProductsApi();
        api.MapCustomersApi();
        api.MapReviewsApi();
        api.MapSalesApi();
        api.MapInventoryApi();
        return app;
    }
}
