/// Folding the major delta layer into new base indexes, off the write path: a writer never waits for a fold. The fold
/// merges a frozen copy of the major layer into the base on another thread; meanwhile writes keep going into the
/// layers, and when it lands, the major layer is re-expressed over the new base (`DeltaLayer.rebased(onto:)`).
extension GroupCommitter {
    /// Starts a fold when the major layer has passed `Delta.majorLimit` and none is running. Call only where `current`
    /// is published.
    func startFoldIfDue() {
        guard folding == nil, foldedBase == nil else { return }
        let base = current.base
        let major = current.delta.major
        guard major.size > Delta.majorLimit(baseCount: base.count, deltaLimit: options.deltaLimit) else { return }
        folding = Task.detached(priority: .utility) {
            let merged = base.merged(with: major)
            await self.finishFold(base: merged, folded: major)
        }
    }

    /// From now on writes build on the new base; the states built on the old one before (up to `tail`, waiting for the
    /// log) are rebased as they are published.
    private func finishFold(base: QuadIndexes, folded: DeltaLayer) {
        folding = nil
        foldedBase = (base, folded, tail.version)
        // No flush holds a state across a suspension but a bulk write, which publishes a new base of its own.
        if current.version < tail.version { tail = Self.rebase(tail, onto: base, folded: folded) }
        publish(current)
        startFoldIfDue()
    }

    /// Publishes `state` as the latest snapshot, on the new base if a fold has landed since `state`'s base was current.
    /// Every base in use descends from the one the fold started from (only folds replace it), so the rebase is exact.
    func publish(_ state: Snapshot) {
        var state = state
        if let (base, folded, through) = foldedBase {
            // States up to `through` were built on the old base; later ones on the rebased tail.
            if state.version <= through { state = Self.rebase(state, onto: base, folded: folded) }
            if state.version >= through { foldedBase = nil }
        }
        current = state
        if state.version >= tail.version { tail = state }
        published.publish(state)
    }

    static func rebase(_ state: Snapshot, onto base: QuadIndexes, folded: DeltaLayer) -> Snapshot {
        let delta = Delta(major: state.delta.major.rebased(onto: folded), minor: state.delta.minor)
        return Snapshot(base: base, delta: delta, dictionary: state.dictionary, termCount: state.termCount, version: state.version)
    }

    /// Waits for a running fold (tests, and close).
    func waitForFold() async {
        while let task = folding { await task.value }
        if foldedBase != nil, current.version == tail.version { publish(current) }
    }
}
