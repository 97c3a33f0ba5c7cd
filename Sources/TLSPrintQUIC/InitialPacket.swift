import Crypto
import TLSPrintCore

// RFC 9001 §5.3: AEAD_AES_128_GCM; nonce = IV XOR packet number (left-padded to 12 bytes);
// associated data = the header with protection removed, up to and including the packet number.

/// A decrypted Initial packet: its header, packet number, and the frames of its payload.
package struct InitialPacket: Hashable, Sendable {
    /// The long header (first byte still as sent).
    package var header: LongHeader
    /// Which side's keys opened the packet.
    package var direction: QUICDirection
    /// The client DCID the opening keys were derived from. For a client Initial that differs from the
    /// connection's keying DCID, the client has started over after a Retry.
    package var keyConnectionID: [UInt8]
    /// The full packet number.
    package var packetNumber: UInt64
    /// Frames in wire order, up to `frameError` if the walk stopped early.
    package var frames: [Frame]
    /// Why the frame walk stopped before the end of the payload (a frame type not allowed in an Initial,
    /// a malformed or truncated frame, or too many frames); nil when every byte was read.
    package var frameError: ParseError?

    /// The CRYPTO frames, in wire order.
    package var cryptoFrames: [CryptoFrame] {
        frames.compactMap { frame in
            if case .crypto(let crypto) = frame { return crypto }
            return nil
        }
    }

    /// Removes header protection from one Initial `packet` (exactly `header.packetLength` bytes) and
    /// decrypts it with one side's keys from `secrets`; nil when authentication fails, which is how the wrong
    /// keys show.
    /// - Throws: `.truncated` when the packet is too short to sample; `.invalidValue` when the header has
    ///   no packet number.
    package static func open(
        packet: [UInt8],
        header: LongHeader,
        secrets: InitialSecrets,
        direction: QUICDirection
    ) throws(ParseError) -> InitialPacket? {
        let keys = secrets.keys(for: direction)
        guard let numberOffset = header.packetNumberOffset else { throw ParseError(.invalidValue, at: 0) }
        var reader = ByteReader(packet.span)
        let protectedHeader = try reader.readBytes(numberOffset)
        try reader.skip(HeaderProtection.sampleOffset)
        let sample = try reader.readBytes(HeaderProtection.sampleLength)
        let mask = try HeaderProtection.mask(sample: sample, key: keys.headerProtectionKey, offset: numberOffset)

        let firstByte = HeaderProtection.unmaskLongHeaderFirstByte(header.firstByte, mask: mask)
        // Reserved bits must be zero once protection is off (RFC 9000 §17.2); with the wrong keys they are
        // random, so this rejects three wrong-key attempts in four before the AEAD runs.
        guard firstByte & 0x0c == 0 else { return nil }
        let numberLength = Int(firstByte & 0x03) + 1

        var body = ByteReader(packet.span)
        try body.skip(numberOffset)
        let numberBytes = HeaderProtection.unmaskPacketNumber(try body.readBytes(numberLength), mask: mask)
        let ciphertext = try body.readBytes(body.remaining - 16)
        let tag = body.readRemainingBytes()

        var truncated: UInt64 = 0
        for byte in numberBytes { truncated = truncated << 8 | UInt64(byte) }
        let number = PacketNumber.decode(truncated: truncated, length: numberLength, largestReceived: nil)
        let associatedData = [firstByte] + protectedHeader.dropFirst() + numberBytes
        guard
            let plaintext = decrypt(
                ciphertext: ciphertext,
                tag: tag,
                associatedData: associatedData,
                keys: keys,
                packetNumber: number
            )
        else { return nil }

        var packet = InitialPacket(
            header: header,
            direction: direction,
            keyConnectionID: secrets.clientDestinationConnectionID,
            packetNumber: number,
            frames: [],
            frameError: nil
        )
        packet.walkFrames(plaintext)
        return packet
    }

    private static func decrypt(
        ciphertext: [UInt8],
        tag: [UInt8],
        associatedData: [UInt8],
        keys: PacketProtectionKeys,
        packetNumber: UInt64
    ) -> [UInt8]? {
        var paddedNumber = [UInt8](repeating: 0, count: 4)
        for shift in stride(from: 56, through: 0, by: -8) {
            paddedNumber.append(UInt8(truncatingIfNeeded: packetNumber >> UInt64(shift)))
        }
        let nonceBytes = zip(keys.iv, paddedNumber).map { $0 ^ $1 }
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonceBytes), ciphertext: ciphertext, tag: tag)
            let opened = try AES.GCM.open(box, using: SymmetricKey(data: keys.key), authenticating: associatedData)
            return Array(opened)
        } catch {
            return nil
        }
    }

    private mutating func walkFrames(_ plaintext: [UInt8]) {
        (frames, frameError) = Frame.walk(plaintext)
    }
}
