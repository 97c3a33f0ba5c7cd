import TLSPrintSummary
import Testing

@Suite struct SpaceSavingTableTests {
    @Test func exactWhileNothingIsEvicted() {
        var table = SpaceSavingTable<String, Empty>(capacity: 4)
        for key in ["a", "b", "a", "c", "a", "b"] { table.record(key, start: Empty.init) { _ in } }
        #expect(!table.isApproximate)
        #expect(table.top(10).map(\.key) == ["a", "b", "c"])
        #expect(table.top(10).map(\.count) == [3, 2, 1])
        #expect(table.top(10).allSatisfy { $0.error == 0 })
    }

    @Test func evictionInheritsTheSmallestCount() {
        var table = SpaceSavingTable<String, Empty>(capacity: 2)
        for key in ["a", "a", "b", "c"] { table.record(key, start: Empty.init) { _ in } }
        // c replaced b (count 1): c's count 2 is an upper bound with error 1.
        #expect(table.evictions == 1)
        #expect(table["b"] == nil)
        #expect(table["c"]?.count == 2)
        #expect(table["c"]?.error == 1)
        #expect(table["a"]?.count == 2)
        #expect(table["a"]?.error == 0)
    }

    /// 10^6 updates: 20 heavy keys of 15,000 each among 700,000 keys seen once, into 200 entries. The
    /// table never holds more than its capacity, and the heavy keys are its top 20 with true counts inside
    /// their bounds (Space-Saving guarantees it for counts above N / capacity = 5,000).
    @Test func heavyKeysSurviveAMillionUpdates() {
        var table = SpaceSavingTable<String, Empty>(capacity: 200)
        var singleton = 0
        for round in 0..<15_000 {
            for heavy in 0..<20 { table.record("heavy-\(heavy)", start: Empty.init) { _ in } }
            let singles = round < 10_000 ? 70 : 0
            for _ in 0..<singles {
                table.record("single-\(singleton)", start: Empty.init) { _ in }
                singleton += 1
            }
        }
        #expect(singleton == 700_000)
        #expect(table.count == 200)
        #expect(table.evictions > 600_000)
        let top = table.top(20)
        #expect(Set(top.map(\.key)) == Set((0..<20).map { "heavy-\($0)" }))
        for entry in top {
            #expect(entry.count - entry.error <= 15_000 && 15_000 <= entry.count, "\(entry.key)")
        }
    }
}

/// A small table scans instead of indexing; it must agree with the indexed algorithm's guarantees.
@Suite struct SmallSpaceSavingTableTests {
    @Test func scanningTableKeepsTheGuarantees() {
        var small = SpaceSavingTable<String, Empty>(capacity: 16)
        var stream: [String] = []
        for round in 0..<2_000 {
            stream.append("heavy-\(round % 4)")
            stream.append("single-\(round)")
        }
        for key in stream { small.record(key, start: Empty.init) { _ in } }
        #expect(small.count == 16)
        #expect(small.isApproximate)
        let top = small.top(4)
        #expect(Set(top.map(\.key)) == ["heavy-0", "heavy-1", "heavy-2", "heavy-3"])
        for entry in top { #expect(entry.count - entry.error <= 500 && 500 <= entry.count, "\(entry.key)") }
        #expect(small["heavy-0"] != nil && small["single-0"] == nil)
    }
}

/// An evicted entry's payload cleared in place gives the same table as a new payload.
@Suite struct SpaceSavingReuseTests {
    @Test func reuseEqualsStart() {
        var fresh = SpaceSavingTable<String, [Int]>(capacity: 40)
        var reused = SpaceSavingTable<String, [Int]>(capacity: 40)
        for index in 0..<20_000 {
            let key = index % 3 == 0 ? "hot-\(index % 7)" : "cold-\(index)"
            fresh.record(key, start: { [] }) { $0.append(index) }
            reused.record(key, start: { [] }, reuse: { $0.removeAll(keepingCapacity: true) }) { $0.append(index) }
        }
        #expect(fresh.evictions == reused.evictions && fresh.evictions > 10_000)
        let top = fresh.top(40)
        #expect(top.map(\.key) == reused.top(40).map(\.key))
        #expect(top.map(\.count) == reused.top(40).map(\.count))
        #expect(top.map(\.payload) == reused.top(40).map(\.payload))
    }
}
