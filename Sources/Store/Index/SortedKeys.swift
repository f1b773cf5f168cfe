/// Binary search and merging over sorted, duplicate-free runs of 128-bit index keys: the base's `KeyColumn`s and the
/// delta layers' arrays alike.
enum SortedKeys {
    /// The first index whose key is `>= key`.
    @inline(__always)
    static func lowerBound<Keys: RandomAccessCollection<UInt128>>(_ keys: Keys, _ key: UInt128) -> Int where Keys.Index == Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) >> 1
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index range of keys within `lower...upper`.
    @inline(__always)
    static func range<Keys: RandomAccessCollection<UInt128>>(_ keys: Keys, _ lower: UInt128, _ upper: UInt128) -> Range<Int>
    where Keys.Index == Int {
        let start = lowerBound(keys, lower)
        let end = upper == .max ? keys.count : lowerBound(keys, upper + 1)
        return start..<max(start, end)
    }

    @inline(__always)
    static func contains<Keys: RandomAccessCollection<UInt128>>(_ keys: Keys, _ key: UInt128) -> Bool where Keys.Index == Int {
        let index = lowerBound(keys, key)
        return index < keys.count && keys[index] == key
    }

    /// `(base − removed) ∪ added`, all three sorted; `added` and `removed` are disjoint, and `added` holds no key of `base`.
    static func merge(_ base: [UInt128], adding added: [UInt128], removing removed: [UInt128]) -> [UInt128] {
        [UInt128](unsafeUninitializedCapacity: base.count + added.count) { buffer, count in
            count = buffer.isEmpty ? 0 : merge(base, adding: added, removing: removed, into: buffer.baseAddress!)
        }
    }

    /// `merge` into `output`, which has room for `base.count + added.count` keys; returns how many it wrote.
    static func merge<Base: RandomAccessCollection<UInt128>>(
        _ base: Base, adding added: [UInt128], removing removed: [UInt128], into output: UnsafeMutablePointer<UInt128>
    ) -> Int where Base.Index == Int {
        var written = 0
        var i = 0, j = 0, r = 0
        while i < base.count || j < added.count {
            if j == added.count || (i < base.count && base[i] < added[j]) {
                let key = base[i]
                i += 1
                while r < removed.count && removed[r] < key { r += 1 }
                if r < removed.count && removed[r] == key { continue }
                output[written] = key
            } else {
                output[written] = added[j]
                j += 1
            }
            written += 1
        }
        return written
    }

    /// Sorts and removes duplicates in place.
    static func sortUnique(_ keys: inout [UInt128]) {
        keys.sort()
        guard keys.count > 1 else { return }
        var write = 1
        for read in 1..<keys.count where keys[read] != keys[write - 1] {
            keys[write] = keys[read]
            write += 1
        }
        keys.removeLast(keys.count - write)
    }
}
