import TLSPrintCore
import TLSPrintFlow
import TLSPrintTLS

/// Watches one direction of a TCP flow: reassembles its first bytes and cuts them into handshake messages.
struct TLSStreamObserver: Sendable {
    private var prefix: StreamPrefix
    private var assembler = TLSHandshakeAssembler()
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
        prefix = StreamPrefix(capacity: 0, maxPendingSegments: 0)
    }

    /// Bytes this direction holds: early segments and partial records or messages.
    var bufferedBytes: Int { prefix.pendingBytes + assembler.bufferedBytes }

    /// What stopped the direction early, for the counters.
    var stop: StreamPrefix.Stop? { prefix.stopped }

    /// The assembler's state.
    var state: TLSHandshakeAssembler.State { assembler.state }

    /// True when the direction opened with an SSLv2-format ClientHello.
    var sawSSLv2ClientHello: Bool { assembler.isSSLv2ClientHello }

    /// Offers one segment's payload; returns the handshake messages it completed, in order.
    mutating func receive(sequence: TCPSequence, payload: borrowing Span<UInt8>) -> [HandshakeMessage] {
        guard !isFinished else { return [] }
        // Move the assembler out so the delivery closure can mutate it while `prefix` is being mutated.
        var working = assembler
        assembler = TLSHandshakeAssembler()
        var messages: [HandshakeMessage] = []
        prefix.receive(sequence: sequence, payload: payload) { chunk in
            messages.append(contentsOf: working.feed(chunk))
        }
        assembler = working
        switch assembler.state {
        case .notTLS, .failed, .done: isFinished = true
        case .searching, .handshake: if prefix.stopped != nil { isFinished = true }
        }
        return messages
    }
}
