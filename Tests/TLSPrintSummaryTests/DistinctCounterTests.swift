import TLSPrintSummary
import Testing

@Suite struct DistinctCounterTests {
    @Test func exactUpToTheLimit() {
        var counter = DistinctCounter(exactLimit: 64, precision: 10)
        for round in 0..<3 {
            for value in 0..<64 { counter.insert("v\(value)") }
            #expect(counter.count == 64, "round \(round)")
        }
        #expect(counter.isExact)
        counter.insert("v64")
        #expect(!counter.isExact)
        #expect(counter.storedValues == 1_024)
        // Linear counting this low: 65 values in 1,024 registers, a collision or two expected.
        #expect((63...67).contains(counter.count), "estimate \(counter.count)")
    }

    /// FNV-1a + fmix64 is the same on every run, so the estimate is too: no per-process seed.
    @Test func hashIsStable() {
        #expect(StableHash.of("") == StableHash.finalize(0xcbf2_9ce4_8422_2325))
        #expect(StableHash.of("10.0.0.1") == StableHash.of(Array("10.0.0.1".utf8)))
        #expect(StableHash.of("a") != StableHash.of("b"))
    }

    /// 10^6 distinct values in 4 KiB (precision 12, standard error 1.6%) and in 1 KiB (precision 10, 3.3%):
    /// within three standard errors, with storage fixed at the register count.
    @Test(arguments: [(12, 0.05), (10, 0.10)])
    func millionDistinctValuesInBoundedMemory(precision: Int, tolerance: Double) {
        var counter = DistinctCounter(exactLimit: 64, precision: precision)
        for value in 0..<1_000_000 { counter.insert(hash: StableHash.of(SyntheticEvents.address(value) + "/x")) }
        #expect(counter.storedValues == 1 << precision)
        let error = abs(Double(counter.count) - 1_000_000) / 1_000_000
        #expect(error < tolerance, "estimate \(counter.count)")
    }

    @Test func repeatsDoNotCount() {
        var counter = DistinctCounter(exactLimit: 8, precision: 10)
        for _ in 0..<50 { for value in 0..<500 { counter.insert("r\(value)") } }
        #expect(abs(counter.count - 500) < 25, "estimate \(counter.count)")
    }
}
