using System.Text;

namespace Evident.Data;

/// <summary>
/// An open-addressing hash set of UTF-8 strings keyed by their bytes, giving each distinct value a dense code in
/// order of insertion. Keys are copied into one arena, so encoding a text column allocates per distinct value, not
/// per row.
/// </summary>
internal sealed class ByteDictionary
{
    private byte[] arena = new byte[256];
    private int arenaLength;
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int[] hashes = new int[16];
    private int[] buckets = new int[32]; // code + 1; 0 = empty
    private int count;

    public int Count => count;

    public int GetOrAdd(ReadOnlySpan<byte> key)
    {
        int hash = Hash(key);
        int mask = buckets.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int entry = buckets[slot] - 1;
            if (entry < 0) break;
            if (hashes[entry] == hash && arena.AsSpan(starts[entry], lengths[entry]).SequenceEqual(key)) return entry;
            slot = (slot + 1) & mask;
        }
        int code = count++;
        if (code == starts.Length)
        {
            Array.Resize(ref starts, code * 2);
            Array.Resize(ref lengths, code * 2);
            Array.Resize(ref hashes, code * 2);
        }
        if (arenaLength + key.Length > arena.Length) Array.Resize(ref arena, Math.Max(arena.Length * 2, arenaLength + key.Length));
        key.CopyTo(arena.AsSpan(arenaLength));
        starts[code] = arenaLength;
        lengths[code] = key.Length;
        hashes[code] = hash;
        arenaLength += key.Length;
        buckets[slot] = code + 1;
        if (count * 2 > buckets.Length) Rehash();
        return code;
    }

    /// <summary>
    /// Keys of up to 8 bytes (arm and stratum codes, short labels: most text columns) are hashed as one word by a
    /// multiplicative hash (Fibonacci hashing, Knuth TAOCP 6.4), longer ones by <see cref="HashCode"/>.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> key)
    {
        if (key.Length > 8)
        {
            var hasher = new HashCode();
            hasher.AddBytes(key);
            return hasher.ToHashCode();
        }
        ulong word = (ulong)key.Length << 56;
        for (int i = 0; i < key.Length; i++) word ^= (ulong)key[i] << (8 * i);
        return (int)((word * 0x9E3779B97F4A7C15UL) >> 32);
    }

        public string GetString(int code) => Encoding.UTF8.GetString(arena, starts[code], lengths[code]);

    private void Rehash()
    {
        var grown = new int[buckets.Length * 2];
        int mask = grown.Length - 1;
        for (int code = 0; code < count; code++)
        {
            int slot = hashes[code] & mask;
            while (grown[slot] != 0) slot = (slot + 1) & mask;
            grown[slot] = code + 1;
        }
        buckets = grown;
    }
}
