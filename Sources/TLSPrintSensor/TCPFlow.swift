import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// What the sensor keeps about one TCP conversation while its handshake is in view.
struct TCPFlow: SensorFlow {
    /// The handshake rules and the two ends; the client is the SYN's sender until a ClientHello says otherwise.
    var tracker: HandshakeTracker
    var handshake = TCPHandshakeObserver()
    var forward: TLSStreamObserver
    var reverse: TLSStreamObserver
    var chargedBytes = 0

    init(pair: EndpointPair, forwardCapacity: Int, reverseCapacity: Int, pendingSegments: Int) {
        tracker = HandshakeTracker(pair: pair)
        forward = TLSStreamObserver(capacity: forwardCapacity, pendingSegments: pendingSegments)
        reverse = TLSStreamObserver(capacity: reverseCapacity, pendingSegments: pendingSegments)
    }

    static var vacant: TCPFlow {
        TCPFlow(pair: .nowhere, forwardCapacity: 0, reverseCapacity: 0, pendingSegments: 0)
    }

    /// Offers a segment to the observer of `direction`.
    mutating func receive(_ direction: Direction, sequence: TCPSequence, payload: borrowing Span<UInt8>)
        -> [HandshakeMessage]
    {
        switch direction {
        case .forward: return forward.receive(sequence: sequence, payload: payload)
        case .reverse: return reverse.receive(sequence: sequence, payload: payload)
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

    var bufferedBytes: Int { forward.bufferedBytes + reverse.bufferedBytes }

    /// True when `direction` wants no more bytes.
    func isFinished(_ direction: Direction) -> Bool {
        switch direction {
        case .forward: forward.isFinished
        case .reverse: reverse.isFinished
        }
    }

    /// The observer of `direction`.
    func observer(_ direction: Direction) -> TLSStreamObserver { direction == .forward ? forward : reverse }
}
