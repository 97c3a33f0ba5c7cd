import Testing

@testable import TLSPrintOutput

/// The stderr rate limit of issue 11: the first failure at once, then at most one line a minute, with counts.
@Suite struct DeliveryReportTests {
    static let refused = SinkError(.connect, errno: 111, context: "")

    static func failing(_ failures: Int, dropped: Int = 0) -> NetworkSinkCounters {
        var counters = NetworkSinkCounters()
        counters.failures = failures
        counters.lastFailure = refused
        counters.failing = true
        counters.droppedOverflow = dropped
        return counters
    }

    @Test func firstFailureAtOnceThenAtMostOneLineAMinute() {
        var report = DeliveryReport()
        #expect(report.line(for: NetworkSinkCounters(), at: 0) == nil, "nothing to say while all is well")
        #expect(
            report.line(for: Self.failing(1), at: 1)
                == "cannot deliver: cannot connect: connection refused (retrying; events wait in a queue of bounded size)"
        )
        for second in stride(from: 2.0, to: 61, by: 1) {
            #expect(report.line(for: Self.failing(Int(second)), at: second) == nil)
        }
        #expect(
            report.line(for: Self.failing(70, dropped: 4), at: 61)
                == "still failing (cannot connect: connection refused); in the last 60 s: 69 failures, 4 events lost"
        )
        #expect(report.line(for: Self.failing(71, dropped: 4), at: 100) == nil)
        var recovered = Self.failing(71, dropped: 4)
        recovered.failing = false
        #expect(report.line(for: recovered, at: 130) == "delivering again; in the last 69 s: 1 failures, 0 events lost")
        #expect(report.line(for: recovered, at: 500) == nil, "nothing new, nothing said")
    }
}
