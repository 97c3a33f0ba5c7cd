import TLSPrintCore
import TLSPrintFingerprint

/// The TCP options of a SYN or SYN-ACK as JA4T/JA4TS read them.
package struct TCPSynSignature: Hashable, Sendable {
    /// The raw, unscaled window field.
    package var window: UInt16
    /// Every option kind in wire order, NOP (1) and EOL/padding (0) bytes included.
    package var optionKinds: [UInt8]
    /// The first MSS option's value.
    package var mss: UInt16?
    /// The first window-scale option's shift count.
    package var windowScale: UInt8?

    /// The JA4T form of this signature (JA4TS when it is a SYN-ACK's).
    package var ja4t: String {
        JA4T(window: window, optionKinds: optionKinds, maximumSegmentSize: mss, windowScale: windowScale).rendered
    }

    package init(window: UInt16, optionKinds: [UInt8], mss: UInt16?, windowScale: UInt8?) {
        self.window = window
        self.optionKinds = optionKinds
        self.mss = mss
        self.windowScale = windowScale
    }
}

/// Watches the three-way handshake of one TCP flow for JA4T, JA4TS and JA4L (fingerprints.md §4.1, §5).
///
/// A = first SYN (client TTL), B = first later SYN-ACK (server TTL), C = first later packet with ACK and
/// without SYN, in either direction. Retransmitted SYNs and SYN-ACKs are ignored: the first one is kept.
package struct TCPHandshakeObserver: Hashable, Sendable {
    /// The client's first SYN, for JA4T.
    package private(set) var syn: TCPSynSignature?
    /// The server's first SYN-ACK, for JA4TS.
    package private(set) var synAck: TCPSynSignature?
    private var synTime: CaptureTimestamp?
    private var synAckTime: CaptureTimestamp?
    private var ackTime: CaptureTimestamp?
    private var clientTTL: UInt8 = 0
    private var serverTTL: UInt8 = 0

    package init() {}

    /// True once A, B and C have all been seen; later packets change nothing.
    package var isComplete: Bool { ackTime != nil }

    /// Observes one packet's handshake-relevant facts.
    package mutating func observe(
        syn isSYN: Bool,
        ack isACK: Bool,
        time: CaptureTimestamp,
        ttl: UInt8,
        signature: @autoclosure () -> TCPSynSignature?
    ) {
        if isSYN, !isACK {
            guard synTime == nil else { return }
            synTime = time
            clientTTL = ttl
            syn = signature()
        } else if isSYN, isACK {
            guard synTime != nil, synAckTime == nil else { return }
            synAckTime = time
            serverTTL = ttl
            synAck = signature()
        } else if isACK, synAckTime != nil, ackTime == nil {
            ackTime = time
        }
    }

    /// `ja4l_c`: half the SYN-ACK → ACK time in µs, then the client's TTL.
    package var clientLatency: (microseconds: Int64, ttl: UInt8)? {
        guard let synAckTime, let ackTime else { return nil }
        return (Self.halfMicroseconds(from: synAckTime, to: ackTime), clientTTL)
    }

    /// `ja4l_s`: half the SYN → SYN-ACK time in µs, then the server's TTL.
    package var serverLatency: (microseconds: Int64, ttl: UInt8)? {
        guard let synTime, let synAckTime, ackTime != nil else { return nil }
        return (Self.halfMicroseconds(from: synTime, to: synAckTime), serverTTL)
    }

    private static func halfMicroseconds(from start: CaptureTimestamp, to end: CaptureTimestamp) -> Int64 {
        let delta = end.microseconds - start.microseconds
        return delta >= 0 ? delta / 2 : -((-delta + 1) / 2)
    }
}
