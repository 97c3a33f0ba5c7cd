import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintSSH
import TLSPrintTLS

/// What the sensor keeps about one TCP conversation while its handshake is in view.
struct TCPFlow: SensorFlow {
    /// The handshake rules and the two ends; the client is the SYN's sender until a ClientHello says otherwise.
    var tracker: HandshakeTracker
    var handshake = TCPHandshakeObserver()
    var forward: StreamObserver
    var reverse: StreamObserver
    var chargedBytes = 0
    /// See ``SensorFlow/lastSource``.
    var lastSource: Int?
    /// The SSH stream's session, once either direction spoke SSH: an array of at most one, out of line and
    /// mutated in place through ``withSSH(_:)`` (most flows are not SSH).
    private(set) var ssh: [SSHSession] = []
    /// Bytes the session holds, kept beside it: reading them through the array would copy the session (an
    /// array's getter returns its element by value) on every packet.
    private var sshBytes = 0
    /// Bare ACKs each direction sent before the stream was recognised as SSH: JA4SSH counts them.
    var bareACKsBeforeSSH: (forward: UInt16, reverse: UInt16) = (0, 0)

    init(pair: EndpointPair, forwardCapacity: Int, reverseCapacity: Int, pendingSegments: Int) {
        tracker = HandshakeTracker(pair: pair)
        forward = StreamObserver(capacity: forwardCapacity, pendingSegments: pendingSegments)
        reverse = StreamObserver(capacity: reverseCapacity, pendingSegments: pendingSegments)
    }

    static var vacant: TCPFlow {
        TCPFlow(pair: .nowhere, forwardCapacity: 0, reverseCapacity: 0, pendingSegments: 0)
    }

    /// Offers a segment to the observer of `direction`.
    mutating func receive(
        _ direction: Direction,
        sequence: TCPSequence,
        payload: borrowing Span<UInt8>,
        context: StreamContext
    ) -> [StreamYield] {
        switch direction {
        case .forward: return forward.receive(sequence: sequence, payload: payload, context: context)
        case .reverse: return reverse.receive(sequence: sequence, payload: payload, context: context)
        }
    }

    /// Fixes the stream start of `direction`.
    mutating func start(_ direction: Direction, at sequence: TCPSequence) {
        switch direction {
        case .forward: forward.start(at: sequence)
        case .reverse: reverse.start(at: sequence)
        }
    }

    /// Stops reading `direction` and releases its buffers.
    mutating func finish(_ direction: Direction) {
        switch direction {
        case .forward: forward.finish()
        case .reverse: reverse.finish()
        }
    }

    /// Stops reading the directions the handshake rules no longer want.
    mutating func finishWhatTheTrackerEnded() {
        if tracker.isFinished(.forward), !forward.isFinished { forward.finish() }
        if tracker.isFinished(.reverse), !reverse.isFinished { reverse.finish() }
    }

    var bufferedBytes: Int {
        forward.bufferedBytes + reverse.bufferedBytes + sshBytes
    }

    /// True when `direction` wants no more bytes.
    func isFinished(_ direction: Direction) -> Bool {
        switch direction {
        case .forward: forward.isFinished
        case .reverse: reverse.isFinished
        }
    }

    /// What `direction` carries.
    func content(_ direction: Direction) -> StreamContent {
        switch direction {
        case .forward: forward.content
        case .reverse: reverse.content
        }
    }

    /// Reads `direction` as SSH from its first byte (the other direction spoke SSH).
    mutating func becomeSSH(
        _ direction: Direction,
        role: SSHStreamReader.Role,
        protocols: SensorProtocols
    ) -> [StreamYield] {
        switch direction {
        case .forward: forward.becomeSSH(role: role, protocols: protocols)
        case .reverse: reverse.becomeSSH(role: role, protocols: protocols)
        }
    }

    /// The observer of `direction`.
    func observer(_ direction: Direction) -> StreamObserver { direction == .forward ? forward : reverse }

    /// True once the stream has an SSH session.
    var isSSH: Bool { !ssh.isEmpty }

    /// Opens the stream's SSH session.
    mutating func openSSH(_ session: SSHSession) {
        ssh = [session]
        sshBytes = session.bufferedBytes
    }

    /// Runs `body` on the SSH session in place (there must be one) and keeps its byte count up to date.
    mutating func withSSH<Result>(_ body: (inout SSHSession) -> Result) -> Result {
        func run(_ session: inout SSHSession) -> (Result, Int) {
            let result = body(&session)
            return (result, session.bufferedBytes)
        }
        let (result, bytes) = run(&ssh[0])
        sshBytes = bytes
        return result
    }

    /// Counts a bare ACK sent before the stream was recognised as SSH.
    mutating func countBareACKBeforeSSH(from direction: Direction) {
        switch direction {
        case .forward where bareACKsBeforeSSH.forward < .max: bareACKsBeforeSSH.forward += 1
        case .reverse where bareACKsBeforeSSH.reverse < .max: bareACKsBeforeSSH.reverse += 1
        case .forward, .reverse: break
        }
    }

    /// The TCP handshake's fields for SSH and HTTP events, of the enabled families (`--fingerprints`).
    func tcpFacts(_ families: FingerprintFamilies) -> TCPFacts {
        let facts = transportFacts.restricted(to: families)
        return TCPFacts(
            ja4t: facts.syn?.ja4t,
            ja4ts: facts.synAck?.ja4t,
            latency: LatencyFieldsMaker.make(client: facts.clientLatency, server: facts.serverLatency)
        )
    }

    /// What the TCP handshake measured: the SYN and SYN-ACK options (JA4T, JA4TS) and the JA4L halves.
    var transportFacts: TransportFacts {
        TransportFacts(
            syn: handshake.syn,
            synAck: handshake.synAck,
            clientLatency: handshake.clientLatency,
            serverLatency: handshake.serverLatency
        )
    }

    /// What an SSH stream still owes when the flow leaves: its `ssh_handshake` with what was seen, then the
    /// remainder JA4SSH window.
    var heldEvents: [Event] {
        guard var session = ssh.first else { return [] }
        let endpoints = tracker.pair.eventEndpoints(clientDirection: session.clientDirection, transport: .tcp)
        var events: [Event] = []
        let facts = tcpFacts(session.families)
        if let event = session.handshakeEvent(endpoints: endpoints, tcp: facts) { events.append(.sshHandshake(event)) }
        if let rest = session.finishWindow() {
            events.append(.sshActivity(session.activityEvent(rest, endpoints: endpoints, tcp: facts)))
        }
        return events
    }
}
