import TLSPrintCore

/// One long-header packet found in a UDP datagram, and what decryption made of it.
package struct CoalescedPacket: Hashable, Sendable {
    /// What became of the packet's protected payload.
    package enum Outcome: Hashable, Sendable {
        /// Not an Initial packet (0-RTT, Handshake, Retry, Version Negotiation, unknown version): not decrypted.
        case notInitial
        /// An Initial packet of a version without known Initial keys.
        case unsupportedVersion
        /// Decrypted with one of the candidate keys.
        case decrypted(InitialPacket)
        /// No candidate keys authenticated the payload (wrong or missing connection ID, or damage).
        case authenticationFailed
        /// The packet is too short to remove header protection.
        case malformed(ParseError)
    }

    /// Offset of the packet's first byte in the datagram.
    package var offset: Int
    /// The packet's long header.
    package var header: LongHeader
    /// The decryption result.
    package var outcome: Outcome

    /// The decrypted Initial packet, if any.
    package var initial: InitialPacket? {
        if case .decrypted(let packet) = outcome { return packet }
        return nil
    }
}
