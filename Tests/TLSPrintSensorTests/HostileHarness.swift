import TLSPrintCore
import TLSPrintEvent
import TLSPrintPacket
import TLSPrintPcap
import TLSPrintQUIC
import TLSPrintSensor
import TLSPrintTLS
import TLSPrintX509

/// The fuzz entry points' bodies, one per parser, shared by the libFuzzer targets and the regression replays.
///
/// Fuzz/build.sh compiles this same file into the fuzz executables (Fuzz/Targets/*), so a crash input in
/// Tests/Fixtures/regressions/ replays here exactly as the fuzzer ran it. Each function takes the raw input.
package enum FuzzHarness {
    /// Link types selectable by the first input byte of `packet` (index = byte % count).
    package static let packetLinkTypes: [LinkType] = [
        .null, .ethernet, .ppp, .raw, .ieee802_11, .loop, .linuxSLL, .ipv4, .ipv6, .linuxSLL2, .rawAlt12, .rawAlt14,
        LinkType(rawValue: 147),
    ]
    /// Link types selectable by the first input byte of `sensor`.
    package static let sensorLinkTypes: [LinkType] = [
        .ethernet, .raw, .linuxSLL, .linuxSLL2, .null, .ipv4, .ipv6, .ppp, .ieee802_11, .loop,
    ]

    /// A capture file driven through `CaptureFileParser`; returns the packets read and the error, if any.
    @discardableResult
    package static func pcap(_ bytes: [UInt8]) -> (packets: Int, error: ParseError?) {
        var parser = CaptureFileParser()
        var start = 0
        var packets = 0
        for _ in 0..<100_000 {
            let window = bytes[start...]
            let step: CaptureFileStep
            do throws(ParseError) {
                step = try parser.next(in: window.span)
            } catch {
                return (packets, error)
            }
            switch step {
            case .packet(_, let range, let consumed):
                // The packet range must lie inside the buffer the parser was given (traps otherwise).
                precondition(range.lowerBound >= 0 && range.upperBound <= window.count, "packet range outside buffer")
                precondition(consumed > 0 && consumed <= window.count, "packet consumed outside buffer")
                packets += 1
                start += consumed
            case .skipped(let consumed):
                precondition(consumed > 0, "skipped nothing")
                guard consumed <= window.count else { return (packets, nil) }
                start += consumed
            case .needMoreBytes(let minimum):
                precondition(minimum > window.count, "asked for bytes it already has")
                return (packets, nil)
            }
        }
        return (packets, nil)
    }

    /// Byte 0 selects the link type (`packetLinkTypes`), the rest is one frame.
    package static func packet(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let frame = Array(bytes.dropFirst())
        let linkType = packetLinkTypes[Int(selector) % packetLinkTypes.count]
        do throws(ParseError) {
            guard let packet = try PacketDecoder.decode(frame.span, linkType: linkType) else { return }
            precondition(packet.payload.lowerBound >= 0 && packet.payload.upperBound <= frame.count, "payload range")
        } catch {
            return
        }
    }

    /// Byte 0 seeds the segmentation (`chunks`), the rest is a TLS byte stream; messages are parsed.
    @discardableResult
    package static func assembler(_ bytes: [UInt8]) -> [HandshakeMessage] {
        guard let seed = bytes.first else { return [] }
        var assembler = TLSHandshakeAssembler()
        var messages: [HandshakeMessage] = []
        for chunk in chunks(Array(bytes.dropFirst()), seed: seed) {
            messages += assembler.feed(Array(chunk))
        }
        precondition(messages.count <= TLSHandshakeAssembler.maximumMessages, "message cap")
        for message in messages {
            switch message.type {
            case .clientHello: _ = try? ClientHello(parsingAll: message.body)
            case .serverHello: _ = try? ServerHello(parsingAll: message.body)
            case .certificate: _ = try? CertificateMessage(parsingAll: message.body)
            default: break
            }
        }
        return messages
    }

    /// A ClientHello body; every extension view the fingerprints read is evaluated.
    package static func clientHello(_ bytes: [UInt8]) {
        guard let hello = try? ClientHello(parsingAll: bytes) else { return }
        _ = (hello.serverName, hello.alpnProtocols, hello.supportedVersions, hello.supportedGroups)
        _ = (hello.ecPointFormats, hello.signatureAlgorithms, hello.highestOfferedVersion)
    }

    /// A ServerHello body.
    package static func serverHello(_ bytes: [UInt8]) {
        guard let hello = try? ServerHello(parsingAll: bytes) else { return }
        _ = (hello.isHelloRetryRequest, hello.selectedVersion, hello.selectedALPN)
    }

    /// Byte 0 even: a Certificate body, each entry outlined; odd: one DER certificate.
    package static func certificate(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        if mode & 1 == 1 {
            _ = try? CertificateOutline(der: body)
            return
        }
        guard let message = try? CertificateMessage(parsingAll: body) else { return }
        for der in message.certificates { _ = try? CertificateOutline(der: der) }
    }

    /// Byte 0 % 3: 0 = a datagram decrypted with its own DCID; 1 = byte 1 % 21 is the length of a known
    /// client DCID that follows, then the datagram; 2 = a decrypted Initial payload (frames + CRYPTO assembly).
    package static func quic(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        switch mode % 3 {
        case 0:
            _ = QUICInitialDecryptor.decrypt(datagram: rest)
        case 1:
            guard let first = rest.first else { return }
            let length = min(Int(first % 21), rest.count - 1)
            let connectionID = Array(rest[1..<(1 + length)])
            let datagram = Array(rest[(1 + length)...])
            _ = QUICInitialDecryptor.decrypt(datagram: datagram, clientDestinationConnectionID: connectionID)
        default:
            var reader = ByteReader(rest.span)
            var assembler = CryptoStreamAssembler()
            var count = 0
            while !reader.isAtEnd, count < Frame.maximumFramesPerPacket {
                count += 1
                guard let frame = try? Frame(parsing: &reader) else { break }
                if case .crypto(let crypto) = frame { _ = assembler.insert(crypto) }
            }
            _ = assembler.contiguousPrefix.count
        }
    }

    /// DTLS: datagrams framed as `direction(1: even client, odd server) length(2, big-endian) bytes`, fed to
    /// one reassembler per direction; every complete ClientHello or ServerHello is parsed.
    package static func dtls(_ bytes: [UInt8]) {
        var client = DTLSHandshakeReassembler()
        var server = DTLSHandshakeReassembler()
        for (tag, datagram) in datagrams(bytes) {
            let toServer = tag & 1 == 0
            let messages =
                (try? toServer ? client.feed(datagram: datagram.span) : server.feed(datagram: datagram.span)) ?? []
            for message in messages {
                switch message.message.type {
                case .clientHello: _ = try? ClientHello(parsingAll: message.message.body)
                case .serverHello: _ = try? ServerHello(parsingAll: message.message.body)
                default: continue
                }
            }
        }
        _ = (client.flush(), server.flush())
        openVPN(bytes)
    }

    /// The input as one direction of OpenVPN over TCP, then the framing above read as OpenVPN-over-UDP
    /// control packets, the HMAC size chosen by the frame's first byte: parses every datagram and feeds the
    /// control channel of its direction.
    static func openVPN(_ bytes: [UInt8]) {
        // The whole input as one direction of OpenVPN over TCP.
        _ = OpenVPNStreamDeframer.opening(bytes.span)
        var deframer = OpenVPNStreamDeframer(
            hmacSize: OpenVPNControlPacket.hmacSizes[Int(bytes.first ?? 0) % OpenVPNControlPacket.hmacSizes.count]
        )
        _ = deframer.feed(bytes.span)
        var channels = (OpenVPNControlChannel(), OpenVPNControlChannel())
        for (tag, datagram) in datagrams(bytes) {
            let toServer = tag & 1 == 0
            let hmacSize = OpenVPNControlPacket.hmacSizes[Int(tag >> 1) % OpenVPNControlPacket.hmacSizes.count]
            _ = OpenVPNControlPacket.hmacSizeOfClientHardReset(datagram.span)
            guard let packet = try? OpenVPNControlPacket(parsing: datagram.span, hmacSize: hmacSize),
                let id = packet.messagePacketID
            else { continue }
            let messages =
                toServer
                ? channels.0.receive(id, payload: packet.payload) : channels.1.receive(id, payload: packet.payload)
            for message in messages where message.type == .clientHello {
                _ = try? ClientHello(parsingAll: message.body)
            }
        }
    }

    /// The datagrams of the `tag(1) length(2, big-endian) bytes` framing the DTLS and OpenVPN harnesses
    /// read; a length past the end takes what is left.
    static func datagrams(_ bytes: [UInt8]) -> [(tag: UInt8, datagram: [UInt8])] {
        var result: [(tag: UInt8, datagram: [UInt8])] = []
        var offset = 0
        while offset + 3 <= bytes.count {
            let length = min(Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]), bytes.count - offset - 3)
            result.append((bytes[offset], Array(bytes[(offset + 3)..<(offset + 3 + length)])))
            offset += 3 + length
        }
        return result
    }

    /// Byte 0 selects the link type (`sensorLinkTypes`), byte 1 the configuration (bit 0: tiny caps,
    /// bit 1: dedup off); then frames `delta(1) length(2, big-endian) bytes`, time advancing delta × 250 ms.
    @discardableResult
    package static func sensor(_ bytes: [UInt8]) -> SensorCounters {
        guard bytes.count >= 2 else { return SensorCounters() }
        let linkType = sensorLinkTypes[Int(bytes[0]) % sensorLinkTypes.count]
        var configuration = SensorConfiguration()
        if bytes[1] & 1 == 1 {
            configuration.maxFlows = 4
            configuration.clientStreamBytes = 512
            configuration.serverStreamBytes = 1_024
            configuration.pendingSegmentsPerDirection = 2
            configuration.pendingFragmentedDatagrams = 2
            configuration.maxQUICConnections = 2
            configuration.quicCryptoBytes = 512
            configuration.dedupEntries = 4
        }
        if bytes[1] & 2 == 2 { configuration.dedupTTLSeconds = 0 }
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        var time: Int64 = 1_700_000_000_000_000_000
        var index = 2
        while bytes.count - index >= 3 {
            time += Int64(bytes[index]) * 250_000_000
            let length = Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            index += 3
            let end = min(bytes.count, index + length)
            let frame = Array(bytes[index..<end])
            let info = CaptureInfo(
                timestamp: CaptureTimestamp(nanoseconds: time),
                capturedLength: frame.count,
                originalLength: length,
                linkType: linkType
            )
            sensor.process(info, frame: frame.span, into: &events)
            index = end
        }
        sensor.finish(into: &events)
        return sensor.snapshotCounters()
    }

    /// Cuts `bytes` into chunks whose lengths derive from `seed`: 0 gives one chunk, otherwise lengths in
    /// 1...(seed % 64 + 1) from a small LCG, so one input explores many segmentations.
    package static func chunks(_ bytes: [UInt8], seed: UInt8) -> [ArraySlice<UInt8>] {
        guard seed != 0, !bytes.isEmpty else { return [bytes[...]] }
        var state = UInt32(seed) &* 2_654_435_761
        let widest = UInt32(seed % 64) + 1
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            state = state &* 1_103_515_245 &+ 12_345
            let end = min(bytes.count, start + Int((state >> 16) % widest) + 1)
            result.append(bytes[start..<end])
            start = end
        }
        return result
    }
}
