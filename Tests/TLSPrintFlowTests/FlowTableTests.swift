import TLSPrintFlow
import Testing

extension Int: FlowTableValue { public static var vacant: Int { 0 } }
extension String: FlowTableValue { public static var vacant: String { "" } }
/// A list value for the table tests.
struct Numbers: FlowTableValue, Equatable {
    var items: [Int]
    static var vacant: Numbers { Numbers(items: []) }
}

@Suite struct FlowTableTests {
    @Test func evictsTheLeastRecentlyUsedEntryAtCapacity() {
        var table = FlowTable<Int, String>(capacity: 3)
        for key in 1...3 { _ = table.insert("v\(key)", for: key, at: Int64(key)) }
        _ = table.slot(of: 1, at: 10)  // 2 is now the oldest
        let (_, evicted) = table.insert("v4", for: 4, at: 11)
        #expect(evicted?.0 == 2)
        #expect(table.count == 3)
        #expect(table.slot(of: 2, at: 12) == nil)
    }

    @Test func expiresIdleEntriesOldestFirst() {
        var table = FlowTable<Int, Int>(capacity: 10)
        for key in 0..<5 { _ = table.insert(key, for: key, at: Int64(key * 10)) }
        var expired: [Int] = []
        while let (key, _) = table.removeOldest(idleBefore: 25) { expired.append(key) }
        #expect(expired == [0, 1, 2])
        #expect(table.count == 2)
    }

    @Test func valuesAreMutatedInPlaceAndSlotsReused() {
        var table = FlowTable<String, Numbers>(capacity: 2)
        let (slot, _) = table.insert(.vacant, for: "a", at: 0)
        table[slot: slot].items.append(7)
        #expect(table[slot: slot].items == [7])
        table.remove("a")
        let (again, _) = table.insert(Numbers(items: [1]), for: "b", at: 1)
        #expect(again == slot)
        #expect(table.count == 1)
    }

    @Test func manyInsertionsStayBounded() {
        var table = FlowTable<Int, Int>(capacity: 100)
        var evictions = 0
        for key in 0..<10_000 where table.insert(key, for: key, at: Int64(key)).evicted != nil { evictions += 1 }
        #expect(table.count == 100)
        #expect(evictions == 9_900)
    }
}
