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
        if added.isEmpty && removed.isEmpty { return base }  // shared, not copied
        return [UInt128](unsafeUninitializedCapacity: base.count + added.count) { buffer, count in
            count = buffer.isEmpty ? 0 : merge(base, adding: added, removing: removed, into: buffer.baseAddress!)
        }
    }

    /// `merge` into `output`, which has room for `base.count + added.count` keys; returns how many it wrote.
    /// The keys of `base` between two changes are copied as one run, found by galloping from the last change: a write of
    /// a few keys into a delta layer of thousands costs a few searches and block copies, not a comparison per key.
    static func merge<Base: RandomAccessCollection<UInt128>>(
        _ base: Base, adding added: [UInt128], removing removed: [UInt128], into output: UnsafeMutablePointer<UInt128>
    ) -> Int where Base.Index == Int {
        var written = 0
        var i = 0, j = 0, r = 0
        while j < added.count || r < removed.count {
            let adds = r == removed.count || (j < added.count && added[j] < removed[r])
            let change = adds ? added[j] : removed[r]
            let end = gallop(base, from: i, to: change)
            copy(base, i..<end, to: output + written)
            written += end - i
            i = end
            if adds {
                output[written] = change
                written += 1
                j += 1
            } else {
                if i < base.count && base[i] == change { i += 1 }
                r += 1
            }
        }
        copy(base, i..<base.count, to: output + written)
        return written + base.count - i
    }

    /// The first index at or after `start` whose key is `>= key`: steps that double from `start`, then a binary search.
    @inline(__always)
    static func gallop<Keys: RandomAccessCollection<UInt128>>(_ keys: Keys, from start: Int, to key: UInt128) -> Int
    where Keys.Index == Int {
        var low = start, high = start, step = 1
        while high < keys.count && keys[high] < key {
            low = high + 1
            high = start + step
            step <<= 1
        }
        high = min(high, keys.count)
        while low < high {
            let middle = (low + high) >> 1
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    @inline(__always)
    private static func copy<Base: RandomAccessCollection<UInt128>>(_ base: Base, _ range: Range<Int>, to output: UnsafeMutablePointer<UInt128>)
    where Base.Index == Int {
        guard !range.isEmpty else { return }
        let copied: Void? = base.withContiguousStorageIfAvailable { keys in
            output.update(from: keys.baseAddress! + range.lowerBound, count: range.count)
        }
        if copied == nil {
            for (offset, index) in range.enumerated() { output[offset] = base[index] }
        }
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
