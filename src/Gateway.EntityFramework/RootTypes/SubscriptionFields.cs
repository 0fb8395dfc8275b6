using GraphQL.Types;

namespace Gateway.EntityFramework.RootTypes;

/// <summary>
/// The fields a module adds to the <c>Subscription</c> root, declared with GraphQL.NET's field builder in the
/// constructor (<c>Field(...).ResolveStreamAsync(...)</c>); the root takes them over, so no central type lists them.
/// This class is never a type of the schema itself. Register with
/// <see cref="RootFieldsServiceCollectionExtensions.AddSubscriptionFields{TFields}"/>.
/// </summary>
public abstract class SubscriptionFields : ObjectGraphType;
