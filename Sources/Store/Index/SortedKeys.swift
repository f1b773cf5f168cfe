/// Binary search and merging over sorted, duplicate-free arrays of 128-bit index keys.
enum SortedKeys {
    /// The first index whose key is `>= key`.
    @inline(__always)
    static func lowerBound(_ keys: [UInt128], _ key: UInt128) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) >> 1
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index range of keys within `lower...upper`.
    @inline(__always)
    static func range(_ keys: [UInt128], _ lower: UInt128, _ upper: UInt128) -> Range<Int> {
        let start = lowerBound(keys, lower)
        let end = upper == .max ? keys.count : lowerBound(keys, upper + 1)
        return start..<max(start, end)
    }

    @inline(__always)
    static func contains(_ keys: [UInt128], _ key: UInt128) -> Bool {
        let index = lowerBound(keys, key)
        return index < keys.count && keys[index] == key
    }

    /// `(base − removed) ∪ added`, all three sorted; `added` and `removed` are disjoint, and `added` holds no key of `base`.
    static func merge(_ base: [UInt128], adding added: [UInt128], removing removed: [UInt128]) -> [UInt128] {
        var result = [UInt128]()
        result.reserveCapacity(base.count + added.count - min(removed.count, base.count))
        var i = 0, j = 0, r = 0
        while i < base.count || j < added.count {
            if j == added.count || (i < base.count && base[i] < added[j]) {
                let key = base[i]
                i += 1
                while r < removed.count && removed[r] < key { r += 1 }
                if r < removed.count && removed[r] == key { continue }
                result.append(key)
            } else {
                result.append(added[j])
                j += 1
            }
        }
        return result
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
