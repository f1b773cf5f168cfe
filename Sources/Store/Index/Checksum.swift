/// XXH64 (seed 0, https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md) over data whose length is a multiple
/// of 32 bytes, fed in pieces of such lengths: the index file's checksum. Fast enough to check a whole index file on
/// every open (several GB/s in a release build), and any flipped bit changes it.
struct Checksum {
    private static let prime1: UInt64 = 11_400_714_785_074_694_791
    private static let prime2: UInt64 = 14_029_467_366_897_019_727
    private static let prime3: UInt64 = 1_609_587_929_392_839_161
    private static let prime4: UInt64 = 9_650_029_242_287_828_579

    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
    private var length = 0

    /// Adds `bytes`, whose count must be a multiple of 32.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count % 32 == 0, "the checksum takes whole 32-byte stripes")
        guard let base = bytes.baseAddress else { return }
        var (a, b, c, d) = lanes
        var offset = 0
        while offset < bytes.count {
            a = Self.round(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            b = Self.round(b, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian)
            c = Self.round(c, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self).littleEndian)
            d = Self.round(d, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self).littleEndian)
            offset += 32
        }
        lanes = (a, b, c, d)
        length += bytes.count
    }

    /// The checksum of everything added.
    var value: UInt64 {
        var hash: UInt64
        if length >= 32 {
            let (a, b, c, d) = lanes
            hash = a.rotated(1) &+ b.rotated(7) &+ c.rotated(12) &+ d.rotated(18)
            for lane in [a, b, c, d] { hash = (hash ^ Self.round(0, lane)) &* Self.prime1 &+ Self.prime4 }
        } else {
            hash = 0x27D4_EB2F_1656_67C5  // seed + PRIME64_5
        }
        hash &+= UInt64(length)
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }

    /// The checksum of `bytes` (a multiple of 32 long).
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum()
        checksum.update(bytes)
        return checksum.value
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        (accumulator &+ input &* prime2).rotated(31) &* prime1
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotated(_ bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}
