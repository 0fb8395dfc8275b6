namespace Gateway.Http;

/// <summary>Whether <c>__schema</c> and <c>__type</c> answer. Bound from <c>GraphQL:Introspection</c>.</summary>
public sealed class GraphQLIntrospectionOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:Introspection";

    /// <summary>Defaults to <see langword="true"/> in the Development environment only (<c>INTROSPECTION_DISABLED</c> otherwise).</summary>
    public bool Enabled { get; set; }
}
