using System.Text;

namespace Gateway.Store.Seeding;

/// <summary>
/// One <see cref="Random"/> per seeded table, seeded from the scale and the table's name. A table's rows then depend
/// only on its own seed and the rows it reads, so adding a table (or reordering the generators) leaves every other
/// table's rows as they were; one shared <see cref="Random"/> would shift every table generated after the new one.
/// </summary>
internal static class SeedRandom
{
    public static Random For(int scale, string table) => new(StableHash($"{scale}:{table}"));

    /// <summary>
    /// 32-bit FNV-1a over the UTF-8 bytes: the same in every process and on every runtime, which
    /// <see cref="string.GetHashCode()"/> (randomised per process) is not.
    /// </summary>
    private static int StableHash(string text)
    {
        var hash = 2_166_136_261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16_777_619u;
        }
        return unchecked((int)hash);
    }
}
