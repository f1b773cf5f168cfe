import Testing
import TestKit

@testable import Store

/// `SortedKeys.merge` copies the runs of keys between changes as blocks, found by galloping: it must give
/// `(base − removed) ∪ added` for changes anywhere, at either end, in runs, and over a base that is an array or a column.
@Suite struct SortedKeysTests {
    @Test func mergeEqualsTheSetDifferenceAndUnion() {
        var generator = SplitMix(seed: 7)
        for round in 0..<300 {
            let space = UInt64(1 + generator.next() % 400)
            let base = Set((0..<generator.next() % 200).map { _ in UInt128(generator.next() % space) })
            let added = Set((0..<generator.next() % 20).map { _ in UInt128(generator.next() % (2 * space)) }).subtracting(base)
            // Removals mostly of keys in the base, some not (a removal of an absent key changes nothing).
            let removed = Set((0..<generator.next() % 20).map { _ in
                generator.next() % 4 == 0 || base.isEmpty ? UInt128(generator.next() % space) : base.randomElement(using: &generator)!
            }).subtracting(added)
            let expected = base.subtracting(removed).union(added).sorted()
            let merged = SortedKeys.merge(base.sorted(), adding: added.sorted(), removing: removed.sorted())
            #expect(merged == expected, "round \(round)")
            let column = KeyColumn(base.sorted())
            let fromColumn = KeyColumn(capacity: base.count + added.count) {
                SortedKeys.merge(column, adding: added.sorted(), removing: removed.sorted(), into: $0)
            }
            #expect(Array(fromColumn) == expected, "round \(round), column")
        }
    }

    @Test func mergeAtTheEndsAndOfEmptyRuns() {
        let base: [UInt128] = [10, 20, 30]
        #expect(SortedKeys.merge(base, adding: [1, 40], removing: []) == [1, 10, 20, 30, 40])
        #expect(SortedKeys.merge(base, adding: [], removing: [10, 30]) == [20])
        #expect(SortedKeys.merge(base, adding: [25], removing: [10, 20, 30]) == [25])
        #expect(SortedKeys.merge([], adding: [5], removing: [7]) == [5])
        #expect(SortedKeys.merge(base, adding: [], removing: [15]) == base)
    }
}
