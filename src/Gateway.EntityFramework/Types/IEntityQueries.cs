namespace Gateway.EntityFramework.Types;

/// <summary>Root field declarations.</summary>
internal interface IEntityQueries
{
    IReadOnlyList<EntityFieldDefinition> Definitions { get; }
}
