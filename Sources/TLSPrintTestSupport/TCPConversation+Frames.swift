import TLSPrintCore
import TLSPrintPacket

extension TCPConversation {
    /// How `frames(_:)` lays a conversation out on the wire.
    package struct Layout: Hashable, Sendable {
        /// Time of the SYN; the other packets follow at fixed offsets (see `frames(_:)`).
        package var start = CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: 0)
        package var clientISN: UInt32 = 0x0000_1000
        package var serverISN: UInt32 = 0x0000_8000
        /// Largest segment; streams are also cut at every offset in `clientCuts` / `serverCuts`.
        package var segmentSize = 1_400
        package var clientCuts: [Int] = []
        package var serverCuts: [Int] = []
        /// Send the client's first segment in the SYN (TCP Fast Open, RFC 7413, with an 8-byte cookie option).
        package var fastOpen = false
        /// Send SYN, SYN-ACK and ACK; without them the flow is picked up mid-stream.
        package var handshake = true
        package var clientTTL: UInt8 = 64
        package var serverTTL: UInt8 = 57

        /// The defaults.
        package init() {}
    }

    /// The conversation as frames: SYN at `start`, SYN-ACK 4 ms later, ACK 0.6 ms after that (so JA4L gives
    /// `ja4l_s` 2000 µs with the server TTL and `ja4l_c` 300 µs with the client TTL), the client's segments
    /// from 5 ms, the server's from 20 ms, 10 µs apart. The SYN has window 64240 and options MSS 1460, SACK
    /// permitted, timestamps, NOP, window scale 7; the SYN-ACK window 65160 and MSS 1400, SACK permitted,
    /// timestamps, NOP, window scale 9.
    package func frames(_ layout: Layout = Layout()) -> [ReplayFrame] {
        var frames: [ReplayFrame] = []
        let clientStart = layout.clientISN &+ 1
        let serverStart = layout.serverISN &+ 1
        var clientSegments = Self.cut(clientBytes, size: layout.segmentSize, at: layout.clientCuts)
        var inSYN: [UInt8] = []
        if layout.fastOpen, layout.handshake, !clientSegments.isEmpty { inSYN = clientSegments.removeFirst().bytes }
        let clientEnd = clientStart &+ UInt32(truncatingIfNeeded: clientBytes.count)
        if layout.handshake {
            let cookie: [UInt8] = layout.fastOpen ? [34, 10, 1, 2, 3, 4, 5, 6, 7, 8] : []
            frames.append(
                clientFrame(
                    layout,
                    at: 0,
                    sequence: layout.clientISN,
                    ack: 0,
                    flags: PacketBuilder.Flags.syn,
                    options: PacketBuilder.linuxSYNOptions + cookie,
                    inSYN
                )
            )
            let synACKOptions: [UInt8] = [2, 4, 0x05, 0x78, 4, 2, 8, 10, 0, 0, 0, 2, 0, 0, 0, 1, 1, 3, 3, 9]
            frames.append(
                serverFrame(
                    layout,
                    at: 4_000,
                    sequence: layout.serverISN,
                    ack: clientStart &+ UInt32(inSYN.count),
                    flags: PacketBuilder.Flags.syn | PacketBuilder.Flags.ack,
                    window: 65_160,
                    options: synACKOptions,
                    []
                )
            )
            frames.append(
                clientFrame(
                    layout,
                    at: 4_600,
                    sequence: clientStart &+ UInt32(inSYN.count),
                    ack: serverStart,
                    flags: PacketBuilder.Flags.ack,
                    []
                )
            )
        }
        let dataFlags = PacketBuilder.Flags.ack | PacketBuilder.Flags.psh
        for (index, segment) in clientSegments.enumerated() {
            frames.append(
                clientFrame(
                    layout,
                    at: 5_000 + 10 * Int64(index),
                    sequence: clientStart &+ UInt32(segment.offset),
                    ack: serverStart,
                    flags: dataFlags,
                    segment.bytes
                )
            )
        }
        for (index, segment) in Self.cut(serverBytes, size: layout.segmentSize, at: layout.serverCuts).enumerated() {
            frames.append(
                serverFrame(
                    layout,
                    at: 20_000 + 10 * Int64(index),
                    sequence: serverStart &+ UInt32(segment.offset),
                    ack: clientEnd,
                    flags: dataFlags,
                    window: 65_160,
                    segment.bytes
                )
            )
        }
        return frames
    }

    /// `bytes` cut at every multiple of `size` and at every offset in `cuts`.
    static func cut(_ bytes: [UInt8], size: Int, at cuts: [Int]) -> [(offset: Int, bytes: [UInt8])] {
        let boundaries = Set(stride(from: 0, to: bytes.count, by: max(1, size)))
            .union(cuts.filter { $0 > 0 && $0 < bytes.count })
            .sorted()
        return boundaries.enumerated().map { index, start in
            let end = index + 1 < boundaries.count ? boundaries[index + 1] : bytes.count
            return (start, Array(bytes[start..<end]))
        }
    }

    private func clientFrame(
        _ layout: Layout,
        at microseconds: Int64,
        sequence: UInt32,
        ack: UInt32,
        flags: UInt8,
        options: [UInt8] = [],
        _ payload: [UInt8]
    ) -> ReplayFrame {
        let segment = PacketBuilder.tcp(
            sourcePort: clientPort,
            destinationPort: serverPort,
            sequence: sequence,
            acknowledgment: ack,
            flags: flags,
            window: 64_240,
            options: options,
            payload
        )
        let bytes = PacketBuilder.ipFrame(
            source: client,
            destination: server,
            protocol: 6,
            ttl: layout.clientTTL,
            segment
        )
        return ReplayFrame(
            timestamp: layout.start.adding(microseconds: microseconds),
            linkType: .ethernet,
            bytes: bytes
        )
    }

    private func serverFrame(
        _ layout: Layout,
        at microseconds: Int64,
        sequence: UInt32,
        ack: UInt32,
        flags: UInt8,
        window: UInt16,
        options: [UInt8] = [],
        _ payload: [UInt8]
    ) -> ReplayFrame {
        let segment = PacketBuilder.tcp(
            sourcePort: serverPort,
            destinationPort: clientPort,
            sequence: sequence,
            acknowledgment: ack,
            flags: flags,
            window: window,
            options: options,
            payload
        )
        let bytes = PacketBuilder.ipFrame(
            source: server,
            destination: client,
            protocol: 6,
            ttl: layout.serverTTL,
            segment
        )
        return ReplayFrame(
            timestamp: layout.start.adding(microseconds: microseconds),
            linkType: .ethernet,
            bytes: bytes
        )
    }
}

extension CaptureTimestamp {
    /// This timestamp moved by `microseconds`.
    package func adding(microseconds: Int64) -> CaptureTimestamp {
        CaptureTimestamp(nanoseconds: nanoseconds + microseconds * 1_000)
    }
}
