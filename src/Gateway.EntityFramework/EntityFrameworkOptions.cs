namespace Gateway.EntityFramework;

/// <summary>
/// Limits and defaults of the query engine. Bind from configuration section
/// <c>Gateway:EntityFramework</c> (keys are the property names) or configure in code through
/// <see cref="EntityFrameworkGraphQLBuilderExtensions.AddEntityFramework{TContext}"/>.
/// </summary>
public sealed class EntityFrameworkOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "Gateway:EntityFramework";

    /// <summary>Page size of a connection when the client sends neither <c>first</c> nor <c>last</c>. Default 10.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>first</c>/<c>last</c> a client may ask for; larger values are a field error. Default 100.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Longest list accepted by the <c>in</c>/<c>nin</c> filter operations. Default 100.</summary>
    public int MaxFilterListLength { get; set; } = 100;

    /// <summary>
    /// Most filter terms (set fields and operations, and/or branches included) over all <c>where</c> arguments of an
    /// operation; more is refused before execution with <c>FILTER_TOO_BROAD</c>. Default 100.
    /// </summary>
    public int MaxFilterTerms { get; set; } = 100;

    /// <summary>Most <c>in</c>/<c>nin</c> values over all <c>where</c> arguments of an operation (<c>FILTER_TOO_BROAD</c>). Default 500.</summary>
    public int MaxFilterValues { get; set; } = 500;

    /// <summary>Most ids accepted by the <c>nodes(ids:)</c> root field. Default 100.</summary>
    public int MaxNodeIds { get; set; } = 100;

    /// <summary>
    /// The size a cost analyzer assumes for a plain list field (one without paging arguments), printed as its
    /// <c>@listSize(assumedSize:)</c>. Default 10.
    /// </summary>
    public int AssumedListSize { get; set; } = 10;

    /// <summary>
    /// How a reference navigated inside a nested, limited page (a nested connection, or a list with
    /// <c>Take</c>) is projected. <see cref="NestedPageStrategy.Auto"/> chooses per database provider.
    /// </summary>
    public NestedPageStrategy NestedPageStrategy { get; set; } = NestedPageStrategy.Auto;

    /// <summary>
    /// Runs each query shape as an EF Core compiled query, its client values as parameters, instead of handing EF Core
    /// the tree on every request (see <c>Execution/CompiledPlans.cs</c>). Default true; false runs every query the usual way.
    /// </summary>
    public bool CompiledPlans { get; set; } = true;

    /// <summary>
    /// Builds a read of a <c>node</c> field and its follow-up reads once per document, selection and variables, and
    /// runs them again for the next anonymous request with its own keys, without building anything (see
    /// <c>Execution/PreparedRead.cs</c>). It assumes that a field's expression depends only on its arguments. Default
    /// true; needs <see cref="CompiledPlans"/>.
    /// </summary>
    public bool PreparedReads { get; set; } = true;
}

/// <summary>How references inside nested pages are projected (see <see cref="EntityFrameworkOptions.NestedPageStrategy"/>).</summary>
public enum NestedPageStrategy
{
    /// <summary>Correlated subqueries on SQLite (it has no APPLY/LATERAL), navigation joins elsewhere.</summary>
    Auto,

    /// <summary>Navigate the reference; the provider must translate it (LATERAL / APPLY joins).</summary>
    Navigation,

    /// <summary>One correlated scalar subquery per projected column of the reference, keyed by its foreign key.</summary>
    CorrelatedSubquery,
}
