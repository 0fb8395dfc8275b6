namespace Gateway.Catalog;

/// <summary>A category as the REST API serves it: its own fields and its parent as an id (null for a root).</summary>
public sealed record CategoryDto(int Id, string Name, string Slug, int? ParentId, int Depth);

/// <summary>How many products a category holds, its descendants' included.</summary>
public sealed record ProductCountDto(int CategoryId, int Count);
