import TLSPrintCore

/// Walks the coalesced packets of one UDP datagram and decrypts its Initial packets.
///
/// Stateless: the caller remembers, per connection, the DCID that keys the connection (the DCID of the
/// client's first Initial, replaced by the SCID of a Retry) and passes it in. The CRYPTO frames go into a
/// `CryptoStreamAssembler` per direction; the TLS parser reads the assembled bytes.
package enum QUICInitialDecryptor {
    /// Decrypts what it can of `datagram` (one UDP payload).
    ///
    /// Keys tried for each Initial, first success wins: client and server keys from
    /// `clientDestinationConnectionID` when given, then client keys from the packet's own DCID (a client's
    /// first Initial, or its first after a Retry). `direction` restricts the attempts to one side's keys.
    /// Never throws: failures are recorded per packet and in `QUICDatagram.error`.
    package static func decrypt(
        datagram: [UInt8],
        clientDestinationConnectionID: [UInt8]? = nil,
        direction: QUICDirection? = nil
    ) -> QUICDatagram {
        var result = QUICDatagram()
        var secretsCache: [InitialSecrets] = []
        var reader = ByteReader(datagram.span)
        while !reader.isAtEnd {
            guard let first = reader.byte(at: 0), first & 0x80 != 0 else {
                result.trailingBytes = reader.remaining
                break
            }
            guard result.packets.count < QUICDatagram.maximumPackets else {
                result.error = ParseError(.limitExceeded, at: reader.offset)
                break
            }
            let offset = reader.offset
            var packetReader = reader
            let header: LongHeader
            let bytes: [UInt8]
            do throws(ParseError) {
                header = try LongHeader(parsing: &reader)
                bytes = try packetReader.readBytes(header.packetLength)
            } catch {
                result.error = error
                break
            }
            let outcome = open(
                bytes,
                header: header,
                offset: offset,
                clientDestinationConnectionID: clientDestinationConnectionID,
                direction: direction,
                cache: &secretsCache
            )
            result.packets.append(CoalescedPacket(offset: offset, header: header, outcome: outcome))
        }
        return result
    }

    private static func open(
        _ bytes: [UInt8],
        header: LongHeader,
        offset: Int,
        clientDestinationConnectionID: [UInt8]?,
        direction: QUICDirection?,
        cache: inout [InitialSecrets]
    ) -> CoalescedPacket.Outcome {
        guard header.packetType == .initial else { return .notInitial }
        guard header.version.isKnown else { return .unsupportedVersion }
        var candidates: [(QUICDirection, [UInt8])] = []
        if let known = clientDestinationConnectionID {
            candidates.append((.client, known))
            candidates.append((.server, known))
        }
        if clientDestinationConnectionID != header.destinationConnectionID {
            candidates.append((.client, header.destinationConnectionID))
        }
        for (side, connectionID) in candidates where direction == nil || direction == side {
            guard let secrets = secrets(header.version, connectionID, cache: &cache) else { continue }
            do throws(ParseError) {
                if let packet = try InitialPacket.open(
                    packet: bytes,
                    header: header,
                    secrets: secrets,
                    direction: side
                ) {
                    return .decrypted(packet)
                }
            } catch {
                return .malformed(ParseError(error.reason, at: offset + error.offset))
            }
        }
        return .authenticationFailed
    }

    private static func secrets(
        _ version: QUICVersion,
        _ connectionID: [UInt8],
        cache: inout [InitialSecrets]
    ) -> InitialSecrets? {
        if let cached = cache.first(where: { $0.version == version && $0.clientDestinationConnectionID == connectionID }
        ) {
            return cached
        }
        guard let derived = InitialSecrets(version: version, clientDestinationConnectionID: connectionID) else {
            return nil
        }
        cache.append(derived)
        return derived
    }
}
