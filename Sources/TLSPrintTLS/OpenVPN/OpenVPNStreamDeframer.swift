import TLSPrintCore

// OpenVPN over TCP (openvpn src/openvpn/socket.h, stream_buf): each packet is preceded by its length,
//   uint16 packet_length; opaque packet[packet_length];
// and the packets are those of OpenVPN over UDP.

/// One direction of OpenVPN over TCP: cuts the in-order stream into packets and hands their control
/// payloads to an ``OpenVPNControlChannel``, which cuts the TLS bytes into handshake messages.
///
/// A direction is OpenVPN when its first packet is a hard reset (``opening(_:)``); the TLS handshake that
/// follows may then span any number of control packets, which a search for TLS record headers in the raw
/// stream would not survive.
package struct OpenVPNStreamDeframer: Sendable {
    /// Largest packet accepted while the handshake is read (OpenVPN's control packets stay near the MTU).
    package static let maximumPacketLength = 16_384

    private let hmacSize: Int
    private var partial: [UInt8] = []
    private var channel = OpenVPNControlChannel()
    /// Set when the stream broke the framing; nothing more is read.
    package private(set) var failure: ParseError?
    private var offset = 0

    /// A deframer for a direction whose packets carry a tls-auth HMAC of `hmacSize` bytes (0: none).
    package init(hmacSize: Int) {
        self.hmacSize = hmacSize
    }

    /// What a direction's first bytes say about it.
    package enum Opening: Equatable, Sendable {
        /// Too few bytes to tell yet.
        case undecided
        /// Not OpenVPN: TLS, perhaps after a plaintext prelude.
        case tls
        /// OpenVPN over TCP, with a tls-auth HMAC of this many bytes (0: none).
        case openVPN(hmacSize: Int)
    }

    /// Longest first packet considered a hard reset: without tls-auth it is 14 bytes plus a few TLVs (2.6),
    /// with it at most 64 bytes of HMAC, 8 of replay protection and acknowledgements more.
    package static let maximumResetLength = 512

    /// Reads a direction's first bytes: OpenVPN when they open with a whole hard reset packet. TLS (`16 03`),
    /// SSLv2, SOCKS and plaintext preludes are told at two bytes: they read as a length no reset has.
    package static func opening(_ firstBytes: Span<UInt8>) -> Opening {
        guard firstBytes.count >= 2 else { return .undecided }
        let length = Int(firstBytes[0]) << 8 | Int(firstBytes[1])
        guard (10...maximumResetLength).contains(length) else { return .tls }
        guard 2 + length <= firstBytes.count else { return .undecided }
        guard let size = OpenVPNControlPacket.hmacSizeOfAnyHardReset(firstBytes.extracting(2..<(2 + length))) else {
            return .tls
        }
        return .openVPN(hmacSize: size)
    }

    /// True when the direction wants no more bytes.
    package var isFinished: Bool { failure != nil || channel.isFinished }

    /// The TLS state of the control channel, or the framing failure.
    package var state: TLSHandshakeAssembler.State {
        if let failure { return .failed(failure) }
        return channel.state
    }

    /// Bytes held: a partial packet and what the channel holds.
    package var bufferedBytes: Int { partial.count + channel.bufferedBytes }

    /// Consumes the next stream bytes; returns the handshake messages they completed, in order.
    package mutating func feed(_ bytes: Span<UInt8>) -> [HandshakeMessage] {
        var messages: [HandshakeMessage] = []
        var index = 0
        while index < bytes.count, !isFinished {
            // Complete the 2-byte length, then the packet, in `partial`.
            let wanted = partial.count < 2 ? 2 : 2 + (Int(partial[0]) << 8 | Int(partial[1]))
            let take = min(wanted - partial.count, bytes.count - index)
            for position in index..<(index + take) { partial.append(bytes[position]) }
            index += take
            guard partial.count == wanted else { continue }
            if wanted == 2 {
                let length = Int(partial[0]) << 8 | Int(partial[1])
                if length == 0 || length > Self.maximumPacketLength {
                    failure = ParseError(length == 0 ? .invalidValue : .limitExceeded, at: offset)
                }
                continue
            }
            let frame = partial
            partial = []
            messages += receive(frame.span.extracting(2..<frame.count))
            offset += frame.count
        }
        if isFinished { partial = [] }
        return messages
    }

    private mutating func receive(_ packet: Span<UInt8>) -> [HandshakeMessage] {
        do {
            let parsed = try OpenVPNControlPacket(parsing: packet, hmacSize: hmacSize)
            guard parsed.opcode == .controlV1, let id = parsed.messagePacketID else { return [] }
            return channel.receive(id, payload: parsed.payload)
        } catch {
            failure = ParseError(error.reason, at: offset + error.offset)
            return []
        }
    }
}
