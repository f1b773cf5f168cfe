import RDF

extension Snapshot {
    /// Splits sorted, duplicate-free SPOG keys into those this snapshot holds and those it lacks (each list sorted).
    /// Walks every index once, galloping from key to key, instead of a binary search from scratch per key: a write of
    /// 100 000 quads asks 100 000 neighbouring questions.
    func partition(sortedKeys keys: [UInt128]) -> (present: [UInt128], absent: [UInt128]) {
        var minorAdded = GallopingCursor(delta.minor.added[0]), minorRemoved = GallopingCursor(delta.minor.removed)
        var majorAdded = GallopingCursor(delta.major.added[0]), majorRemoved = GallopingCursor(delta.major.removed)
        var base = GallopingCursor(self.base[.spog])
        var present = [UInt128](), absent = [UInt128]()
        for key in keys {
            // The same questions, in the same order, as `contains(spog:)`.
            let held: Bool
            if minorAdded.contains(key) {
                held = true
            } else if minorRemoved.contains(key) {
                held = false
            } else if majorAdded.contains(key) {
                held = true
            } else {
                held = base.contains(key) && !majorRemoved.contains(key)
            }
            if held { present.append(key) } else { absent.append(key) }
        }
        return (present, absent)
    }
}

/// Membership in a sorted run of keys for keys asked in increasing order: each search starts where the last ended and
/// doubles its step until it passes the key, so a batch costs O(n log(gap)) rather than O(n log(count)).
struct GallopingCursor<Keys: RandomAccessCollection<UInt128>> where Keys.Index == Int {
    let keys: Keys
    private var position = 0

    init(_ keys: Keys) { self.keys = keys }

    mutating func contains(_ key: UInt128) -> Bool {
        position = SortedKeys.gallop(keys, from: position, to: key)
        return position < keys.count && keys[position] == key
    }
}
