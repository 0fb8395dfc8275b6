namespace Gateway.Http.Execution;

/// <summary>
/// A thread-safe map holding at most <c>capacity</c> entries; adding to a full map drops the least recently used.
/// One lock guards it: lookups are a dictionary probe and a list splice, far cheaper than the parse they save.
/// </summary>
internal sealed class LruCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _entries = new(capacity);
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _recency = new();
    private readonly Lock _lock = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
                _entries.Remove(key);
            }
            else if (_entries.Count >= Capacity)
            {
                var eldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(eldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
        }
    }
}
