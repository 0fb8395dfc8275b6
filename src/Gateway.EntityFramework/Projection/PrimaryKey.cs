using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Projection;

/// <summary>The primary key of an entity instance, read from the EF Core model.</summary>
internal static class PrimaryKey
{
    private static readonly System.Reflection.MethodInfo _property = typeof(EF).GetMethod(nameof(EF.Property))!;

    public static IReadOnlyList<Expression> Of(DbContext db, Expression instance)
    {
        var key = db.Model.FindEntityType(instance.Type)?.FindPrimaryKey()
            ?? throw new InvalidOperationException($"{instance.Type.Name} has no primary key in the EF Core model.");
        return key.Properties.Select(p => p.PropertyInfo is { } info
            ? (Expression)Expression.Property(instance, info)
            : Expression.Call(_property.MakeGenericMethod(p.ClrType), instance, Expression.Constant(p.Name))).ToList();
    }

    public static Expression Single(DbContext db, Expression instance)
    {
        var keys = Of(db, instance);
        return keys.Count == 1
            ? keys[0]
            : throw new NotSupportedException($"{instance.Type.Name} has a composite key; nested lists under it need a single-column key on this provider.");
    }
}
