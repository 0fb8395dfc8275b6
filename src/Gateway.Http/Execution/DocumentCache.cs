using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Execution;

/// <summary>
/// Caches parsed documents that passed validation, keyed by the SHA-256 hash of the query text, in a bounded
/// LRU map of <see cref="GraphQLHttpOptions.DocumentCacheSize"/> entries (0 turns it off).
/// </summary>
/// <remarks>
/// It plugs into GraphQL.NET's <see cref="DocumentExecuter"/> as an <see cref="IConfigureExecution"/>, the
/// extension point GraphQL.NET's own MemoryDocumentCache uses: on a hit it sets <see cref="ExecutionOptions.Document"/>,
/// so the executer skips parsing, and replaces <see cref="ExecutionOptions.ValidationRules"/> with
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (empty unless a rule that depends on the request,
/// such as the transport's GET rule, asked to run on cached documents), so it skips validation; variables are still
/// coerced against the cached document. The cache is a singleton of the service provider, which serves one schema.
/// </remarks>
internal sealed class DocumentCache(IOptions<GraphQLHttpOptions> options) : IConfigureExecution
{
    private readonly LruCache<string, GraphQLDocument>? _documents =
        options.Value.DocumentCacheSize > 0 ? new LruCache<string, GraphQLDocument>(options.Value.DocumentCacheSize) : null;

    /// <summary>After the 'Add' configurations (100) have put their rules into place, like MemoryDocumentCache.</summary>
    public float SortOrder => 200;

    internal int Count => _documents?.Count ?? 0;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (_documents is null || options.Document is not null || options.Query is null)
        {
            return await next(options).ConfigureAwait(false);
        }

        var key = Hash(options.Query);
        var hit = _documents.TryGet(key, out var document);
        if (hit)
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        var result = await next(options).ConfigureAwait(false);

        // Executed means the document parsed and validated; only such documents may skip validation later.
        if (!hit && result.Executed && result.Document is not null)
        {
            _documents.Set(key, result.Document);
        }

        return result;
    }

    private static string Hash(string query)
    {
        var byteCount = Encoding.UTF8.GetByteCount(query);
        var bytes = byteCount <= 4096 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(query, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexString(hash);
    }
}
