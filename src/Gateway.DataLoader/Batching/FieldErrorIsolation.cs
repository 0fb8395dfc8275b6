using System.Collections;
using GraphQL;

namespace Gateway.DataLoader.Batching;

/// <summary>
/// The hand-over of a pending result to GraphQL.NET. GraphQL.NET writes the failing field's path and location
/// into the <see cref="ExecutionError"/> it catches, but one batch error reaches many fields (and one cached load
/// may serve several), so each field must receive an error object of its own.
/// </summary>
internal static class FieldErrorIsolation
{
    public static async Task<object?> AwaitForFieldAsync<T>(Task<T> result)
    {
        try
        {
            return await result.ConfigureAwait(false);
        }
        catch (ExecutionError error)
        {
            throw CopyOf(error);
        }
    }

    // Keeps what clients see (message, code, extensions) and what error filters read (inner exception, data);
    // a subclass of ExecutionError comes back as the base type.
    private static ExecutionError CopyOf(ExecutionError error)
    {
        var copy = error.InnerException is { } inner
            ? new ExecutionError(error.Message, inner)
            : new ExecutionError(error.Message);
        copy.Code = error.Code;
        if (error.Extensions is { } extensions)
        {
            copy.Extensions = new Dictionary<string, object?>(extensions);
        }

        foreach (DictionaryEntry entry in error.Data)
        {
            copy.Data[entry.Key] = entry.Value;
        }

        return copy;
    }
}
