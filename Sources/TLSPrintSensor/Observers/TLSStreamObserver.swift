import TLSPrintCore
import TLSPrintFlow
import TLSPrintTLS

/// Watches one direction of a TCP flow: reassembles its first bytes and cuts them into handshake messages.
///
/// The first bytes decide how: TLS (also after a plaintext prelude) goes to a `TLSHandshakeAssembler`; a
/// direction that opens with an OpenVPN hard reset goes to an `OpenVPNStreamDeframer`, which takes the TLS
/// out of OpenVPN's control packets.
struct TLSStreamObserver: Sendable {
    private var prefix: StreamPrefix
    private var assembler = TLSHandshakeAssembler()
    /// Kept out of line (one pointer inline): few flows are OpenVPN, and a SYN flood fills the flow table with
    /// observers that never see a byte.
    private var boxedOpenVPN: OutOfLine?
    private var openVPN: OpenVPNStreamDeframer? {
        get { boxedOpenVPN?.deframer }
        set { boxedOpenVPN = newValue.map { .deframer($0) } }
    }

    private indirect enum OutOfLine: Sendable {
        case deframer(OpenVPNStreamDeframer)

        var deframer: OpenVPNStreamDeframer {
            switch self {
            case .deframer(let deframer): deframer
            }
        }
    }
    /// The first bytes while they are too few to tell TLS from OpenVPN (at most a hard reset's worth).
    private var opening: [UInt8] = []
    private var decided = false
    /// Set when nothing more is wanted from this direction; later segments cost nothing.
    private(set) var isFinished = false

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
        assembler = TLSHandshakeAssembler()
        openVPN = nil
        opening = []
        prefix = StreamPrefix(capacity: 0, maxPendingSegments: 0)
    }

    /// Bytes this direction holds: early segments and partial records or messages.
    var bufferedBytes: Int {
        prefix.pendingBytes + opening.count + (openVPN?.bufferedBytes ?? assembler.bufferedBytes)
    }

    /// What stopped the direction early, for the counters.
    var stop: StreamPrefix.Stop? { prefix.stopped }

    /// The assembler's state (the OpenVPN control channel's, for OpenVPN).
    var state: TLSHandshakeAssembler.State { openVPN?.state ?? assembler.state }

    /// True when the direction opened with an SSLv2-format ClientHello.
    var sawSSLv2ClientHello: Bool { assembler.isSSLv2ClientHello }

    /// Offers one segment's payload; returns the handshake messages it completed, in order.
    mutating func receive(sequence: TCPSequence, payload: borrowing Span<UInt8>) -> [HandshakeMessage] {
        guard !isFinished else { return [] }
        // Move the assembler out so the delivery closure can mutate it while `prefix` is being mutated.
        var working = assembler
        assembler = TLSHandshakeAssembler()
        var workingOpenVPN = openVPN
        var workingOpening = opening
        var decided = self.decided
        var messages: [HandshakeMessage] = []
        func deliver(_ bytes: Span<UInt8>) {
            if let produced = workingOpenVPN?.feed(bytes) {
                messages.append(contentsOf: produced)
            } else {
                messages.append(contentsOf: working.feed(bytes))
            }
        }
        func decide(_ opening: OpenVPNStreamDeframer.Opening) {
            decided = true
            if case .openVPN(let hmacSize) = opening { workingOpenVPN = OpenVPNStreamDeframer(hmacSize: hmacSize) }
        }
        prefix.receive(sequence: sequence, payload: payload) { chunk in
            if decided { return deliver(chunk) }
            // The first bytes decide between TLS and OpenVPN; usually the first segment alone does.
            if workingOpening.isEmpty {
                let opening = OpenVPNStreamDeframer.opening(chunk)
                if opening != .undecided {
                    decide(opening)
                    return deliver(chunk)
                }
            }
            workingOpening.append(span: chunk)
            let opening = OpenVPNStreamDeframer.opening(workingOpening.span)
            guard opening != .undecided else { return }
            decide(opening)
            let bytes = workingOpening
            workingOpening = []
            deliver(bytes.span)
        }
        assembler = working
        openVPN = workingOpenVPN
        opening = workingOpening
        self.decided = decided
        switch state {
        case .notTLS, .failed, .done: isFinished = true
        case .searching, .handshake:
            if prefix.stopped != nil || openVPN?.isFinished == true { isFinished = true }
        }
        return messages
    }
}
