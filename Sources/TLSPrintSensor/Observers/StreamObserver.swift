import TLSPrintCore
import TLSPrintFlow
import TLSPrintHTTP
import TLSPrintSSH
import TLSPrintTLS

/// What a direction of a TCP stream turned out to carry, from its opening bytes.
enum StreamContent: Hashable, Sendable {
    /// Too few bytes to tell yet.
    case undecided
    /// TLS, at byte 0 or after a plaintext prelude (STARTTLS, SOCKS, a proxy's answer).
    case tls
    /// OpenVPN over TCP: TLS inside its control packets.
    case openVPN
    /// SSH: identification lines, then binary packets.
    case ssh
    /// HTTP/1.x requests (a `CONNECT` turns the rest of the direction into `.tls`).
    case http
    /// Nothing the sensor looks for.
    case unknown
}

/// One thing a direction's bytes completed, in stream order.
enum StreamYield {
    case handshake(HandshakeMessage)
    case ssh(SSHStreamReader.Yield)
    case http(HTTPRequestHead)
}

/// What a direction needs to know about its flow to read its bytes.
struct StreamContext {
    /// What the sensor looks for.
    var protocols: SensorProtocols
    /// The end that sends this direction, for SSH (only a server may send lines before its identification).
    var role: SSHStreamReader.Role
    /// The other direction already spoke SSH: this one is SSH too, whatever its first line (a server's
    /// prelude lines).
    var flowIsSSH: Bool
}

/// Watches one direction of a TCP flow: puts its first bytes in order and recognises what they carry by content,
/// never by port (docs/events.md): TLS (also after a plaintext prelude), OpenVPN, SSH (`SSH-`) or an HTTP/1.x
/// request line. Each protocol's own reader then cuts the bytes into what the sensor reports.
///
/// Readers other than TLS's live in arrays of at most one element: out of line (a SYN flood fills the flow
/// table with observers that never see a byte), free when empty, and mutated in place.
struct StreamObserver: Sendable {
    private var prefix: StreamPrefix
    private var reader = Reader()
    /// Set when nothing more is wanted from this direction; later segments cost nothing.
    private(set) var isFinished = false

    /// Bytes an SSH direction may take: identification, up to 8 KiB of server lines, a 35,000-byte KEXINIT.
    static let sshStreamBytes = 64 * 1_024

    init(capacity: Int, pendingSegments: Int) {
        prefix = StreamPrefix(capacity: capacity, maxPendingSegments: pendingSegments)
    }

    /// Fixes the stream start at the first data byte (ISN + 1).
    mutating func start(at sequence: TCPSequence) {
        prefix.start(at: sequence)
    }

    /// Stops reading this direction and releases its buffers.
    mutating func finish() {
        isFinished = true
        let content = reader.content
        reader = Reader()
        reader.content = content
        prefix = StreamPrefix(capacity: 0, maxPendingSegments: 0)
    }

    /// What the direction carries.
    var content: StreamContent { reader.content }

    /// Bytes this direction holds: early segments, the undecided opening, partial records, lines or heads.
    var bufferedBytes: Int { prefix.pendingBytes + reader.bufferedBytes }

    /// What stopped the direction early, for the counters.
    var stop: StreamPrefix.Stop? { prefix.stopped }

    /// The TLS assembler's state (the OpenVPN control channel's, for OpenVPN).
    var tlsState: TLSHandshakeAssembler.State {
        reader.openVPN.isEmpty ? reader.assembler.state : reader.openVPN[0].state
    }

    /// True when the direction opened with an SSLv2-format ClientHello.
    var sawSSLv2ClientHello: Bool { reader.assembler.isSSLv2ClientHello }

    /// Why the SSH reader stopped early, if it did.
    var sshStopReason: SSHStreamReader.StopReason? { reader.ssh.isEmpty ? nil : reader.ssh[0].stopReason }

    /// Why the HTTP reader stopped, if it did (`.tunnel` after a `CONNECT`, when TLS follows).
    var httpStopReason: HTTPStopReason? { reader.httpStop }

    /// Offers one segment's payload; returns what it completed, in order.
    mutating func receive(
        sequence: TCPSequence,
        payload: borrowing Span<UInt8>,
        context: StreamContext
    ) -> [StreamYield] {
        guard !isFinished else { return [] }
        // Move the reader out so the delivery closure can mutate it while `prefix` is being mutated.
        var working = reader
        reader = Reader()
        var yields: [StreamYield] = []
        prefix.receive(sequence: sequence, payload: payload) { chunk in
            working.consume(chunk, context: context, into: &yields)
        }
        reader = working
        settle()
        return yields
    }

    /// The other direction turned out to be SSH: reads this one as SSH too, from its first byte, when it has
    /// not been recognised as anything else (a server's prelude lines looked like a TLS prelude so far).
    mutating func becomeSSH(role: SSHStreamReader.Role, protocols: SensorProtocols) -> [StreamYield] {
        guard !isFinished, protocols.contains(.ssh) else { return [] }
        var yields: [StreamYield] = []
        reader.becomeSSH(role: role, into: &yields)
        settle()
        return yields
    }

    /// Widens the stream capacity for readers that follow more of it, and finishes what wants no more.
    private mutating func settle() {
        switch reader.content {
        case .ssh: prefix.raiseCapacity(to: Self.sshStreamBytes)
        // Every request of a keep-alive stream: the HTTP reader holds at most one header block.
        case .http: prefix.raiseCapacity(to: .max)
        case .undecided, .tls, .openVPN, .unknown: break
        }
        if prefix.stopped != nil || reader.wantsNoMore { isFinished = true }
    }
}

/// The bytes side of a ``StreamObserver``: the recognition of the opening and the protocol readers.
private struct Reader: Sendable {
    var content = StreamContent.undecided
    /// TLS's assembler, inline: most streams a sensor sees are TLS.
    var assembler = TLSHandshakeAssembler()
    var openVPN: [OpenVPNStreamDeframer] = []
    var ssh: [SSHStreamReader] = []
    var http: [HTTPRequestStream] = []
    /// The opening bytes while they are too few to recognise, with the HTTP request-line scan over them.
    var opening: [Opening] = []
    /// Why HTTP reading stopped (kept after the HTTP reader is released for a tunnel).
    var httpStop: HTTPStopReason?

    struct Opening: Sendable {
        var bytes: [UInt8]
        var requestLine: HTTPRequestLineDetector
    }

    /// What the opening bytes are, once known.
    enum Recognition {
        case undecided
        case tls
        case openVPN(hmacSize: Int)
        case ssh
        case http
        case unknown
    }

    var bufferedBytes: Int {
        // Element properties read in place: `first` would copy an element, retaining all it holds.
        (opening.isEmpty ? 0 : opening[0].bytes.count)
            + (openVPN.isEmpty ? assembler.bufferedBytes : openVPN[0].bufferedBytes)
            + (ssh.isEmpty ? 0 : ssh[0].bufferedBytes) + (http.isEmpty ? 0 : http[0].bufferedBytes)
    }

    /// True when the reader of the recognised content is done.
    var wantsNoMore: Bool {
        switch content {
        case .undecided: false
        case .unknown: true
        case .tls: Self.isOver(assembler.state)
        case .openVPN: openVPN.isEmpty || openVPN[0].isFinished || Self.isOver(openVPN[0].state)
        case .ssh: ssh.isEmpty || ssh[0].isFinished
        case .http: http.isEmpty || http[0].stopReason != nil
        }
    }

    private static func isOver(_ state: TLSHandshakeAssembler.State) -> Bool {
        switch state {
        case .notTLS, .failed, .done: true
        case .searching, .handshake: false
        }
    }

    /// Takes the next contiguous bytes of the direction.
    mutating func consume(_ chunk: Span<UInt8>, context: StreamContext, into yields: inout [StreamYield]) {
        guard content == .undecided else { return feed(chunk, context: context, into: &yields) }
        if opening.isEmpty {
            // Usually the first segment alone decides, and nothing is copied.
            var requestLine = HTTPRequestLineDetector()
            let recognition = Self.recognise(chunk, newFrom: 0, requestLine: &requestLine, context: context)
            guard case .undecided = recognition else {
                start(recognition, context: context)
                return feed(chunk, context: context, into: &yields)
            }
            var bytes: [UInt8] = []
            bytes.append(span: chunk)
            opening = [Opening(bytes: bytes, requestLine: requestLine)]
            return
        }
        var held = opening.removeFirst()
        let newFrom = held.bytes.count
        held.bytes.append(span: chunk)
        var requestLine = held.requestLine
        let recognition = Self.recognise(held.bytes.span, newFrom: newFrom, requestLine: &requestLine, context: context)
        held.requestLine = requestLine
        guard case .undecided = recognition else {
            start(recognition, context: context)
            return feed(held.bytes.span, context: context, into: &yields)
        }
        opening = [held]
    }

    /// The other direction is SSH: so is this one, unless it is already something else than TLS still searching.
    mutating func becomeSSH(role: SSHStreamReader.Role, into yields: inout [StreamYield]) {
        let replay: [UInt8]
        switch content {
        case .undecided:
            replay = opening.first?.bytes ?? []
            opening = []
        case .tls:
            guard let searched = assembler.bytesWhileSearching else { return }
            replay = searched
            assembler = TLSHandshakeAssembler()
        case .openVPN, .ssh, .http, .unknown:
            return
        }
        content = .ssh
        ssh = [SSHStreamReader(role: role)]
        guard !replay.isEmpty else { return }
        let produced = ssh[0].feed(replay)
        for yield in produced { yields.append(.ssh(yield)) }
    }

    /// Recognises the opening `bytes`; `requestLine` has scanned `bytes[..<newFrom]` already.
    ///
    /// SSH and HTTP first: their openings are text that a TLS prelude search would also accept. TLS (with
    /// OpenVPN, which carries it) takes whatever they refuse.
    static func recognise(
        _ bytes: Span<UInt8>,
        newFrom: Int,
        requestLine: inout HTTPRequestLineDetector,
        context: StreamContext
    ) -> Recognition {
        guard !bytes.isEmpty else { return .undecided }
        let protocols = context.protocols
        if protocols.contains(.ssh), context.flowIsSSH { return .ssh }
        var waiting = false
        if protocols.contains(.ssh) {
            switch SSHStreamReader.opening(bytes) {
            case .ssh: return .ssh
            case .undecided: waiting = true
            case .notSSH: break
            }
        }
        if protocols.contains(.http) {
            switch requestLine.scan(bytes.extracting(newFrom..<bytes.count)) {
            case .yes: return .http
            case .undecided: waiting = true
            case .no: break
            }
        }
        if waiting { return .undecided }
        guard protocols.contains(.tls) else { return .unknown }
        switch OpenVPNStreamDeframer.opening(bytes) {
        case .undecided: return .undecided
        case .openVPN(let hmacSize): return .openVPN(hmacSize: hmacSize)
        case .tls: return .tls
        }
    }

    private mutating func start(_ recognition: Recognition, context: StreamContext) {
        switch recognition {
        case .undecided: return
        case .tls: content = .tls
        case .openVPN(let hmacSize):
            content = .openVPN
            openVPN = [OpenVPNStreamDeframer(hmacSize: hmacSize)]
        case .ssh:
            content = .ssh
            ssh = [SSHStreamReader(role: context.role)]
        case .http:
            content = .http
            http = [HTTPRequestStream()]
        case .unknown: content = .unknown
        }
    }

    /// Hands recognised bytes to their reader.
    private mutating func feed(_ bytes: Span<UInt8>, context: StreamContext, into yields: inout [StreamYield]) {
        switch content {
        case .undecided, .unknown:
            return
        case .tls:
            for message in assembler.feed(bytes) { yields.append(.handshake(message)) }
        case .openVPN:
            for message in openVPN[0].feed(bytes) { yields.append(.handshake(message)) }
        case .ssh:
            for yield in ssh[0].feed(bytes) { yields.append(.ssh(yield)) }
        case .http:
            for head in http[0].feed(bytes) { yields.append(.http(head)) }
            guard let reason = http[0].stopReason else { return }
            httpStop = reason
            guard reason == .tunnel, let tunnel = http[0].tunnelOffset else { return }
            // After a CONNECT the client speaks TLS to the far server: search the rest of the stream for it.
            let chunkStart = http[0].offset - bytes.count
            http = []
            guard context.protocols.contains(.tls) else {
                content = .unknown
                return
            }
            content = .tls
            let rest = min(max(0, tunnel - chunkStart), bytes.count)
            feed(bytes.extracting(rest..<bytes.count), context: context, into: &yields)
        }
    }
}
