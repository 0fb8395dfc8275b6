using System.Linq.Expressions;
using GraphQL;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Stands in for a nested field whose arguments were refused while the selection was compiled (a page size over
/// the limit, a bad cursor, a filter too broad). The rest of the row is still read; the field itself resolves to an
/// error at its own path, as it would had it been resolved on its own, instead of failing the root field.
/// </summary>
internal sealed class FieldErrorSlot(string key, ExecutionError error)
    : RowSlot(key, Expression.Constant(null, typeof(object)))
{
    public override object? Materialize(object?[] raw, int index, DeferredReads deferred) => new FieldErrorValue(error);
}

/// <summary>The value of a <see cref="FieldErrorSlot"/>: the field's resolver reports the error.</summary>
internal sealed class FieldErrorValue(ExecutionError error)
{
    /// <summary>
    /// A fresh copy per resolved field: the executor stamps its path on the error it is given, and the same
    /// refused field may appear under many parent rows.
    /// </summary>
    public ExecutionError CreateError()
    {
        var copy = new ExecutionError(error.Message) { Code = error.Code };
        foreach (System.Collections.DictionaryEntry entry in error.Data)
        {
            copy.Data[entry.Key] = entry.Value;
        }

        return copy;
    }
}
