import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Every way a flow leaves the sensor (`Sensor.retire`): idle expiry, LRU eviction, release at the memory budget
/// and the end of input, for TCP, QUIC, DTLS and OpenVPN flows cut short in fixture captures.
///
/// Each exit must be counted once under its reason, give back the flow's buffered bytes, and emit what the flow
/// held back, so that the events are what the recorded binary printed for the part of the capture that was seen
/// (`Tests/Fixtures/golden`, byte for byte): none lost, none twice.
@Suite struct FlowExitTests {
    /// How a flow leaves, in the order of the counters that ``exitCounts(_:)`` reads.
    enum Exit: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case expired
        case evicted
        case releasedForMemory
        case endOfInput

        var testDescription: String { rawValue }
    }

    /// What a flow holds when its cut ends.
    enum Holding: Sendable {
        /// Part of a handshake message, in its reassembly buffers.
        case bytes
        /// A tls_session waiting for JA4L (QUIC).
        case session
        /// Nothing: every event is out, and the exit must add none.
        case nothing
    }

    /// The first frames of a fixture capture, which leave one flow open.
    struct FlowCut: Sendable, CustomTestStringConvertible {
        var kind: String
        /// A capture in `Tests/Fixtures/captures`, without `.pcap`.
        var capture: String
        /// Frames fed before the flow leaves.
        var frames: Int
        /// A capture whose first frame opens a flow in the same table (and buffers nothing).
        var evictor: String
        /// What the flow holds when the cut ends.
        var holding: Holding
        /// JA4L fields the cut leaves unmeasured: the recorded events carry them, the exit's cannot.
        var unmeasured: [String] = []

        var testDescription: String { "\(kind) \(capture) ×\(frames) holding \(holding)" }
    }

    /// JA4L's client half needs the client's first Handshake packet (`ja4l_c`, and with it the legacy pair).
    static let clientLatencyFields = ["ja4l_c", "ja4l_rtt_ms", "ja4l_client_ttl"]

    static let quicHeldSession = FlowCut(
        kind: "QUIC",
        capture: "quic-h3",
        frames: 2,  // client Initial (ClientHello), server Initial (ServerHello); not the Handshake packets after
        evictor: "quic-v2",
        holding: .session,
        unmeasured: clientLatencyFields
    )

    static let cuts = [
        // The SYN handshake and the first two of the ClientHello's three segments (MSS 536).
        FlowCut(kind: "TCP", capture: "ch-small-mtu", frames: 5, evictor: "sample", holding: .bytes),
        // The ClientHello emitted; the tls_session held until JA4L settles.
        quicHeldSession,
        // Through the client's first Handshake packet: JA4L settled, the tls_session out, nothing left to emit.
        FlowCut(kind: "QUIC", capture: "quic-h3", frames: 5, evictor: "quic-v2", holding: .nothing),
        // The first of the two Initials that carry the ClientHello: its CRYPTO bytes wait for the rest.
        FlowCut(kind: "QUIC", capture: "quic-two-initials", frames: 1, evictor: "quic-v2", holding: .bytes),
        // ClientHello, HelloVerifyRequest, ClientHello with cookie, ServerHello, a second Certificate fragment.
        FlowCut(kind: "DTLS", capture: "dtls-12-cookie", frames: 5, evictor: "dtls-10", holding: .bytes),
        // Hard reset and its answer, the first two of the three control packets that carry the ClientHello.
        FlowCut(kind: "OpenVPN", capture: "openvpn-udp", frames: 4, evictor: "openvpn-udp-tlsauth", holding: .bytes),
        // With tls-auth: hard reset and its answer, ClientHello, the server's flight (ServerHello, Certificate):
        // the events are out, control-channel bytes are still buffered.
        FlowCut(kind: "OpenVPN", capture: "openvpn-udp-tlsauth", frames: 4, evictor: "openvpn-udp", holding: .bytes),
    ]

    /// A QUIC connection whose first Initial holds part of its ClientHello: it crosses a budget of 0 bytes.
    static let grower = "quic-two-initials"

    /// The first `count` frames of a fixture capture.
    static func frames(_ capture: String, first count: Int) throws -> [ReplayFrame] {
        Array(try ReplayFrame.read(Fixture.url("captures/\(capture).pcap").path).prefix(count))
    }

    /// The recorded JSON lines of `capture` whose event happened by the time of the last of `frames`, without the
    /// fields `unmeasured`.
    static func golden(_ capture: String, through frames: [ReplayFrame], without unmeasured: [String]) throws
        -> [String]
    {
        guard let last = frames.last else { return [] }
        let cutoff = RFC3339.timestamp(last.info.timestamp)
        let prefix = #"{"timestamp":""#
        return try GoldenRecord.jsonLines(capture: "\(capture).pcap")
            .filter { String($0.dropFirst(prefix.count).prefix(cutoff.count)) <= cutoff }
            .map { line in unmeasured.reduce(line) { removing($1, from: $0) } }
    }

    /// `line` without its field `name`, a scalar that is not the first field (the values removed here hold no
    /// comma).
    static func removing(_ name: String, from line: String) -> String {
        guard let key = line.range(of: #","\#(name)":"#) else { return line }
        let end = line[key.upperBound...].firstIndex { $0 == "," || $0 == "}" } ?? line.endIndex
        return String(line[..<key.lowerBound] + line[end...])
    }

    /// Bytes buffered after each frame, through a sensor with the default budget.
    static func charges(_ frames: [ReplayFrame]) -> [Int] {
        var sensor = Sensor(configuration: .withoutDeduplication)
        var events: [Event] = []
        return frames.map { frame in
            sensor.process(frame.info, frame: frame.bytes.span, into: &events)
            return sensor.counters.bufferedBytes
        }
    }

    /// Flows expired, evicted, released for memory and open at the end, in ``Exit`` order.
    static func exitCounts(_ counters: SensorCounters) -> [Int] {
        [counters.flowsExpired, counters.flowsEvicted, counters.flowsReleasedForMemory, counters.flowsOpenAtEnd]
    }

    static func feed(_ frames: [ReplayFrame], to sensor: inout Sensor, _ events: inout [Event]) {
        for frame in frames { sensor.process(frame.info, frame: frame.bytes.span, into: &events) }
    }

    /// One exit staged: the sensor's configuration, the frames fed before the exit and those that cause it, and
    /// what must come out.
    struct ExitPlan {
        var configuration = SensorConfiguration.withoutDeduplication
        var lead: [ReplayFrame]
        var trigger: [ReplayFrame] = []
        /// The recorded lines of the frames seen, minus what the cut left unmeasured.
        var expected: [String]
        /// Flows the exit retires.
        var leaving = 1
        /// Flows left after it (the evictor).
        var remaining = 0
    }

    static func plan(_ cut: FlowCut, _ exit: Exit) throws -> ExitPlan {
        let seen = try frames(cut.capture, first: cut.frames)
        var plan = ExitPlan(lead: seen, expected: try golden(cut.capture, through: seen, without: cut.unmeasured))
        switch exit {
        case .expired, .endOfInput:
            break
        case .evicted:
            plan.configuration.maxFlows = 1
            plan.configuration.maxQUICConnections = 1  // also the DTLS and OpenVPN tables' capacity
            plan.trigger = try frames(cut.evictor, first: 1)
            plan.expected += try golden(cut.evictor, through: plan.trigger, without: [])
            plan.remaining = 1
        case .releasedForMemory:
            let charged = charges(seen)
            if cut.holding == .bytes {
                // The flow's own buffers cross the budget at the cut's last frame.
                plan.configuration.memoryBudgetBytes = charged.dropLast().max() ?? 0
                plan.trigger = [plan.lead.removeLast()]
            } else {
                // Its buffers are empty: another connection's partial ClientHello crosses the budget, and both leave,
                // the least recently active first.
                plan.configuration.memoryBudgetBytes = charged.max() ?? 0
                plan.trigger = try frames(grower, first: 1)
                plan.expected += try golden(grower, through: plan.trigger, without: [])
                plan.leaving = 2
            }
        }
        return plan
    }

    /// What a staged exit did.
    struct Outcome {
        /// Events of the whole run: the cut, the exit, the end of input.
        var events: [Event] = []
        /// Change of ``exitCounts(_:)`` across the exit.
        var exits: [Int] = []
        var bufferedAfter = 0
        var flowsAfter = 0
        /// Change of `flowsOpenAtEnd` across the end of input that follows the exit (none after `.endOfInput`).
        var openAtEnd = 0
        var bufferedAtEnd = 0
        var flowsAtEnd = 0
    }

    static func run(_ plan: ExitPlan, _ exit: Exit) -> Outcome {
        var sensor = Sensor(configuration: plan.configuration)
        var outcome = Outcome()
        feed(plan.lead, to: &sensor, &outcome.events)
        let before = sensor.counters
        switch exit {
        case .expired:
            let flows = sensor.activeFlows
            let idle = (plan.lead.last?.info.timestamp ?? CaptureTimestamp(nanoseconds: 0))
                .adding(seconds: plan.configuration.flowTimeoutSeconds)
            sensor.advanceClock(to: idle, into: &outcome.events)
            #expect(sensor.activeFlows == flows, "idle for exactly the timeout, a flow stays")
            sensor.advanceClock(to: idle.adding(seconds: 1), into: &outcome.events)
        case .evicted, .releasedForMemory:
            feed(plan.trigger, to: &sensor, &outcome.events)
        case .endOfInput:
            sensor.finish(into: &outcome.events)
        }
        let after = sensor.counters
        outcome.exits = zip(exitCounts(after), exitCounts(before)).map { $0 - $1 }
        outcome.bufferedAfter = after.bufferedBytes
        outcome.flowsAfter = sensor.activeFlows
        if exit != .endOfInput { sensor.finish(into: &outcome.events) }
        outcome.openAtEnd = sensor.counters.flowsOpenAtEnd - after.flowsOpenAtEnd
        outcome.bufferedAtEnd = sensor.counters.bufferedBytes
        outcome.flowsAtEnd = sensor.activeFlows
        return outcome
    }

    /// Each cut leaves its flow open, holding what its case says, with every recorded event before the cut out
    /// except a held tls_session: so each exit below has something to give back, or (`.nothing`) must add nothing.
    @Test(arguments: cuts)
    func cutLeavesAFlowHoldingWhatItSays(_ cut: FlowCut) throws {
        let seen = try Self.frames(cut.capture, first: cut.frames)
        var sensor = Sensor(configuration: .withoutDeduplication)
        var events: [Event] = []
        Self.feed(seen, to: &sensor, &events)
        #expect(sensor.activeFlows == 1)
        #expect((sensor.counters.bufferedBytes > 0) == (cut.holding == .bytes))
        let due = try Self.golden(cut.capture, through: seen, without: [])
        switch cut.holding {
        case .bytes, .nothing:
            #expect(events.map(GoldenRecord.jsonLine) == due)
        case .session:
            #expect(due.last?.contains(#""event":"tls_session""#) == true)
            #expect(events.map(GoldenRecord.jsonLine) == due.dropLast(), "the tls_session is held")
        }
    }

    @Test(arguments: cuts, Exit.allCases)
    func flowLeavesOnceAndEmitsWhatItHeld(_ cut: FlowCut, _ exit: Exit) throws {
        let plan = try Self.plan(cut, exit)
        let outcome = Self.run(plan, exit)
        #expect(outcome.exits == Exit.allCases.map { $0 == exit ? plan.leaving : 0 }, "counted once, as \(exit)")
        #expect(outcome.flowsAfter == plan.remaining)
        #expect(outcome.bufferedAfter == 0, "bytes given back (an evictor's first frame buffers nothing)")
        #expect(outcome.openAtEnd == plan.remaining)
        #expect(outcome.flowsAtEnd == 0)
        #expect(outcome.bufferedAtEnd == 0)
        let lines = outcome.events.map(GoldenRecord.jsonLine)
        #expect(lines == plan.expected)
    }

    /// A QUIC connection whose tls_session waits for JA4L (ServerHello seen, not the client's Handshake packet),
    /// released at the memory budget: the session goes out once, as it does at the end of input, and as recorded
    /// for the whole capture except for JA4L's client half, which needs the packet not seen.
    @Test func heldQUICSessionReleasedForMemoryIsEmittedOnce() throws {
        let cut = Self.quicHeldSession
        let released = Self.run(try Self.plan(cut, .releasedForMemory), .releasedForMemory)
        let ended = Self.run(try Self.plan(cut, .endOfInput), .endOfInput)
        #expect(released.exits == [0, 0, 2, 0])  // the held connection and the one whose bytes crossed the budget
        let sessions = released.events.filter { $0.type == .tlsSession }
        try #require(sessions.count == 1)
        #expect(sessions == ended.events.filter { $0.type == .tlsSession })

        let recorded = try GoldenRecord.jsonLines(capture: "quic-h3.pcap")
        let full = try CaptureRunner.run([Fixture.url("captures/quic-h3.pcap").path])
        #expect(full.events.map(GoldenRecord.jsonLine) == recorded, "the uninterrupted run gives the record")
        let session = try #require(recorded.first { $0.contains(#""event":"tls_session""#) })
        let seen = Self.clientLatencyFields.reduce(session) { Self.removing($1, from: $0) }
        #expect(seen != session)
        #expect(GoldenRecord.jsonLine(sessions[0]) == seen)
        let stream = try ReplayCaptures.firstStream("quic-h3")
        #expect(sessions[0]["ja4l_s"] == .string(try #require(stream["ja4l_s"] as? String)))
        #expect(sessions[0]["ja4l_c"] == nil)
    }
}
