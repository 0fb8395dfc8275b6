using Gateway.EntityFramework.Cost;
using Gateway.EntityFramework.Filtering;
using Gateway.EntityFramework.Relay;
using Gateway.DataLoader;
using Gateway.EntityFramework.Diagnostics;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework;

/// <summary>Registration of the EF Core query engine.</summary>
public static class EntityFrameworkGraphQLBuilderExtensions
{
    /// <summary>
    /// Adds the query engine over <typeparamref name="TContext"/>: the entity model, <see cref="EntityQueryType"/>,
    /// the Node interface, filter/sort/connection types, and per-operation diagnostics logging. The context must be
    /// registered with <c>AddDbContextFactory&lt;TContext&gt;</c> (add <c>AddSqlStatementCounting()</c> to its options).
    /// </summary>
    public static IGraphQLBuilder AddEntityFramework<TContext>(this IGraphQLBuilder builder, Action<EntityFrameworkOptions>? configure = null)
        where TContext : DbContext
    {
        builder.Services.Configure<EntityFrameworkOptions>((options, _) => configure?.Invoke(options));
        builder.Services.Register(new EntityContextRegistration(typeof(TContext)));
        builder.Services.Register(sp => new EntityModel(sp, sp.GetServices<EntityRegistration>(), sp.GetRequiredService<EntityContextRegistration>()), GraphQL.DI.ServiceLifetime.Singleton);
        builder.Services.Register(sp => sp.GetRequiredService<EntityModel>().Node, GraphQL.DI.ServiceLifetime.Singleton);
        builder.Services.Register(sp => new EntityQueryType(sp), GraphQL.DI.ServiceLifetime.Singleton);
        builder.ConfigureSchema((schema, services) =>
        {
            CostDirectives.Register(schema);
            foreach (var type in services.GetRequiredService<EntityModel>().AllTypes)
            {
                schema.RegisterType(type);
            }
        });
        builder.Services.Register<FilterBreadthRule>(GraphQL.DI.ServiceLifetime.Singleton);
        builder.ConfigureExecutionOptions(options =>
        {
            // on cached documents too: the filters may come from variables
            if (options.RequestServices?.GetService<FilterBreadthRule>() is not { } rule)
            {
                return;
            }

            options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, rule];
            options.CachedDocumentValidationRules = [.. options.CachedDocumentValidationRules ?? [], rule];
        });
        builder.AddDocumentListener<QueryDiagnosticsListener>(GraphQL.DI.ServiceLifetime.Singleton);
        builder.AddDataLoader<NodeBatchLoader>();
        return builder;
    }
}
