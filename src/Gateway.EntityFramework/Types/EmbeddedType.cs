namespace Gateway.EntityFramework.Types;

/// <summary>
/// An object type without a table of its own: its fields are expressions over the entity <typeparamref name="T"/>
/// that embeds it (e.g. <c>Rating { average count }</c> computed from a product's reviews).
/// Embed it with <c>Embedded&lt;TEmbedded&gt;(name)</c>.
/// </summary>
/// <typeparam name="T">The embedding entity.</typeparam>
public abstract class EmbeddedType<T> : EntityObjectType<T>
    where T : class
{
    private protected override bool IsEntity => false;
}
