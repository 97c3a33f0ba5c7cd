import TLSPrintQUIC

/// Feeds one connection's datagrams through the decryptor the way the sensor will: it remembers the keying
/// DCID, restarts the client stream after a Retry, and assembles each direction's CRYPTO stream.
struct ConnectionReplay {
    var keyingConnectionID: [UInt8]?
    var clientStream = CryptoStreamAssembler()
    var serverStream = CryptoStreamAssembler()
    var results: [QUICDatagram] = []
    var retries = 0

    init(_ datagrams: [QUICFixtures.Datagram]) {
        for datagram in datagrams { feed(datagram) }
    }

    mutating func feed(_ datagram: QUICFixtures.Datagram) {
        let result = QUICInitialDecryptor.decrypt(
            datagram: datagram.payload,
            clientDestinationConnectionID: keyingConnectionID,
            direction: datagram.fromClient ? .client : .server
        )
        results.append(result)
        for packet in result.packets {
            if packet.header.packetType == .retry { retries += 1 }
            guard let initial = packet.initial else { continue }
            if initial.direction == .client, initial.keyConnectionID != keyingConnectionID {
                if keyingConnectionID != nil { clientStream = CryptoStreamAssembler() }  // new hello after Retry
                keyingConnectionID = initial.keyConnectionID
            }
            for frame in initial.cryptoFrames {
                if initial.direction == .client {
                    clientStream.insert(frame)
                } else {
                    serverStream.insert(frame)
                }
            }
        }
    }
}

extension CryptoStreamAssembler {
    /// The handshake message type and 24-bit length at the start of the stream, if present.
    var firstHandshakeMessage: (type: UInt8, length: Int)? {
        let prefix = Array(contiguousPrefix)
        guard prefix.count >= 4 else { return nil }
        return (prefix[0], Int(prefix[1]) << 16 | Int(prefix[2]) << 8 | Int(prefix[3]))
    }
}
