import Testing

@testable import TLSPrintOutput

@Suite struct InFlightTrackerTests {
    @Test func acknowledgedRecordsLeaveAndTheRestAreReturnedOldestFirst() {
        var tracker = InFlightTracker()
        tracker.recordSent([1], endingAt: 10)
        tracker.recordSent([2], endingAt: 25)
        tracker.recordSent([3], endingAt: 40)
        tracker.acknowledged(24)  // the second record's last byte (offset 24) is not acknowledged
        #expect(tracker.unacknowledged == 2)
        tracker.acknowledged(25)
        #expect(tracker.unacknowledged == 1)
        let pending = tracker.reset()
        #expect(pending.records == [[3]] && pending.forgotten == 0)
        #expect(tracker.unacknowledged == 0)
    }

    @Test func pastCapacityTheOldestAreForgottenButCounted() {
        var tracker = InFlightTracker(capacity: 2)
        for (index, end) in [10, 20, 30, 40].enumerated() { tracker.recordSent([UInt8(index)], endingAt: end) }
        #expect(tracker.unacknowledged == 4)
        let pending = tracker.reset()
        #expect(pending.records == [[2], [3]] && pending.forgotten == 2)
        for end in [10, 20, 30] { tracker.recordSent([0], endingAt: end) }
        tracker.acknowledged(25)  // passes the oldest remembered one, so the forgotten one ended before
        #expect(tracker.unacknowledged == 1)
    }

    @Test func summaryNamesEveryCounter() {
        var counters = NetworkSinkCounters()
        counters.queued = 12
        counters.sent = 10
        counters.droppedOverflow = 2
        counters.disconnects = 1
        counters.inFlightAtDisconnect = 3
        counters.connections = 2
        counters.connectFailures = 1
        #expect(
            counters.summary
                == "sent 10/12, dropped 2 (overflow 2, send 0, exit 0), 0 refused, truncated 0, 1 disconnects with "
                + "3 maybe in flight, 0 unconfirmed at exit, 2 connections (1 failed attempts)"
        )
    }
}
