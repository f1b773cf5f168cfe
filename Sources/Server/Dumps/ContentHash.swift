/// Non-cryptographic hashes that are the same in every process (Swift's `Hasher` is seeded per process, so it cannot
/// name anything that outlives one).
enum ContentHash {
    /// FNV-1a, 64 bits, over `bytes`, starting from `seed`.
    static func fnv1a(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// splitmix64's finaliser: spreads every input bit over the output, so sums of mixed values do not cancel out.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
