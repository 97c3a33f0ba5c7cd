import TLSPrintFlow
import TLSPrintPacket
import Testing

extension Int: FlowTableValue { public static var vacant: Int { 0 } }
extension String: FlowTableValue { public static var vacant: String { "" } }
extension Int: FlowTableKey {}
extension String: FlowTableKey {}
/// A key whose table hash is the same for every value: every probe sequence collides.
struct CollidingKey: FlowTableKey {
    var value: Int
    func flowTableHash(seed: UInt64) -> UInt64 { 0xDEAD_BEEF_0000_0000 }
}
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

    @Test func collidingKeysAreAllFoundAndRemoved() {
        var table = FlowTable<CollidingKey, Int>(capacity: 1_000)
        for key in 0..<300 { _ = table.insert(key, for: CollidingKey(value: key), at: Int64(key)) }
        for key in 0..<300 {
            #expect(table.slot(of: CollidingKey(value: key), at: 1_000).map { table[slot: $0] } == key)
        }
        for key in stride(from: 0, to: 300, by: 2) { #expect(table.remove(CollidingKey(value: key)) == key) }
        for key in 0..<300 { #expect((table.slot(of: CollidingKey(value: key), at: 2_000) != nil) == (key % 2 == 1)) }
        #expect(table.count == 150)
    }

    /// Random insertions, lookups and removals agree with a plain model, and eviction stays least recently used.
    @Test func churnMatchesAModelTable() {
        var table = FlowTable<Int, Int>(capacity: 64, seed: 7)
        var model: [(key: Int, value: Int)] = []  // oldest first
        var generator = SplitMix(state: 42)
        for time in 0..<20_000 {
            let key = Int(generator.next() % 200)
            let position = model.firstIndex { $0.key == key }
            switch generator.next() % 4 {
            case 0:
                #expect(table.remove(key) == position.map { model[$0].value })
                if let position { model.remove(at: position) }
            case 1 where position == nil:
                let (_, evicted) = table.insert(time, for: key, at: Int64(time))
                #expect(evicted?.0 == (model.count == 64 ? model.first?.key : nil))
                if model.count == 64 { model.removeFirst() }
                model.append((key, time))
            default:
                let slot = table.slot(of: key, at: Int64(time))
                #expect(slot.map { table[slot: $0] } == position.map { model[$0].value })
                if let position { model.append(model.remove(at: position)) }
            }
        }
        #expect(table.count == model.count)
        #expect(table.removeAll() == model.map(\.value))
    }

    @Test func flowKeysAreTheSameBothWays() {
        let client = Endpoint(address: .v4(0x0A00_0001), port: 50_000)
        let server = Endpoint(address: .v4(0x0A00_0002), port: 443)
        let mapped = Endpoint(address: .v6(0, 0x0A00_0001), port: 50_000)
        let forward = FlowKey(source: client, destination: server, ipProtocol: 6)
        #expect(forward == FlowKey(source: server, destination: client, ipProtocol: 6))
        #expect(
            forward.flowTableHash(seed: 1)
                == FlowKey(source: server, destination: client, ipProtocol: 6).flowTableHash(seed: 1)
        )
        #expect(forward.lower == client && forward.upper == server && forward.ipProtocol == 6)
        #expect(forward != FlowKey(source: client, destination: server, ipProtocol: 17))
        #expect(forward != FlowKey(source: mapped, destination: server, ipProtocol: 6))
        let v6 = FlowKey(source: mapped, destination: client, ipProtocol: 17)
        #expect(v6.lower == client && v6.upper == mapped)
    }
}

/// A small deterministic generator for the churn test.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
