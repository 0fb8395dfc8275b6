namespace Gateway.EntityFramework.Types;

/// <summary>Fields declared outside the entity type that owns them.</summary>
internal interface IEntityTypeExtension
{
    Type EntityClrType { get; }

    IReadOnlyList<EntityFieldDefinition> Definitions { get; }
}
