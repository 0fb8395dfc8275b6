using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Diagnostics;

/// <summary>Keeps every log record with the values of the scopes it was written in (as a JSON console formatter would print them).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly List<CapturedRecord> _records = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedRecord> Records()
    {
        lock (_records)
        {
            return [.. _records];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            provider._scopes.ForEachScope((value, values) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        values[key] = item;
                    }
                }
            }, scope);
            lock (provider._records)
            {
                provider._records.Add(new CapturedRecord(category, logLevel, formatter(state, exception), scope));
            }
        }
    }
}

public sealed record CapturedRecord(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope);
