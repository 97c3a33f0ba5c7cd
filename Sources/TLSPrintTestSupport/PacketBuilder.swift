import Foundation
import TLSPrintCore
import TLSPrintPacket

/// Synthesises frames and capture files for tests: Ethernet, IPv4 (RFC 791), IPv6 (RFC 8200), TCP (RFC 9293)
/// and UDP (RFC 768) headers with correct length fields. Checksums are left zero (the sensor does not check them).
package enum PacketBuilder {
    /// The TCP control bits as the flag byte (byte 13 of the header).
    package enum Flags {
        package static let fin: UInt8 = 0x01
        package static let syn: UInt8 = 0x02
        package static let rst: UInt8 = 0x04
        package static let psh: UInt8 = 0x08
        package static let ack: UInt8 = 0x10
    }

    /// An Ethernet II frame with made-up MAC addresses around `payload`.
    package static func ethernet(etherType: UInt16, _ payload: [UInt8]) -> [UInt8] {
        [0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01] + bigEndian16(etherType) + payload
    }

    /// An IPv4 header (20 bytes, no options, DF set) and `payload`; total length is filled in.
    package static func ipv4(
        source: UInt32,
        destination: UInt32,
        protocol number: UInt8,
        ttl: UInt8,
        _ payload: [UInt8]
    )
        -> [UInt8]
    {
        var header: [UInt8] = [0x45, 0]
        header += bigEndian16(UInt16(truncatingIfNeeded: 20 + payload.count))
        header += [0x12, 0x34, 0x40, 0x00, ttl, number, 0, 0]
        header += bigEndian32(source) + bigEndian32(destination)
        return header + payload
    }

    /// An IPv6 header (40 bytes, no extension headers) and `payload`; payload length is filled in.
    package static func ipv6(
        source: (UInt64, UInt64),
        destination: (UInt64, UInt64),
        nextHeader: UInt8,
        hopLimit: UInt8,
        _ payload: [UInt8]
    ) -> [UInt8] {
        var header: [UInt8] = [0x60, 0, 0, 0]
        header += bigEndian16(UInt16(truncatingIfNeeded: payload.count))
        header += [nextHeader, hopLimit]
        header += bigEndian64(source.0) + bigEndian64(source.1)
        header += bigEndian64(destination.0) + bigEndian64(destination.1)
        return header + payload
    }

    /// An IP packet from `source` to `destination` (both the same family) in an Ethernet frame.
    package static func ipFrame(
        source: IPAddress,
        destination: IPAddress,
        protocol number: UInt8,
        ttl: UInt8,
        _ payload: [UInt8]
    ) -> [UInt8] {
        switch (source, destination) {
        case (.v4(let from), .v4(let to)):
            return ethernet(etherType: 0x0800, ipv4(source: from, destination: to, protocol: number, ttl: ttl, payload))
        case (.v6(let fromHigh, let fromLow), .v6(let toHigh, let toLow)):
            let packet = ipv6(
                source: (fromHigh, fromLow),
                destination: (toHigh, toLow),
                nextHeader: number,
                hopLimit: ttl,
                payload
            )
            return ethernet(etherType: 0x86DD, packet)
        default:
            preconditionFailure("PacketBuilder.ipFrame: source and destination must be the same IP family")
        }
    }

    /// A TCP header and `payload`. `options` are padded with EOL to a multiple of four bytes.
    package static func tcp(
        sourcePort: UInt16,
        destinationPort: UInt16,
        sequence: UInt32,
        acknowledgment: UInt32 = 0,
        flags: UInt8,
        window: UInt16 = 64_240,
        options: [UInt8] = [],
        _ payload: [UInt8] = []
    ) -> [UInt8] {
        var paddedOptions = options
        while paddedOptions.count % 4 != 0 { paddedOptions.append(0) }
        let dataOffset = UInt8((20 + paddedOptions.count) / 4)
        var header = bigEndian16(sourcePort) + bigEndian16(destinationPort)
        header += bigEndian32(sequence) + bigEndian32(acknowledgment)
        header += [dataOffset << 4, flags] + bigEndian16(window) + [0, 0, 0, 0]
        return header + paddedOptions + payload
    }

    /// A UDP header (length filled in) and `payload`.
    package static func udp(sourcePort: UInt16, destinationPort: UInt16, _ payload: [UInt8]) -> [UInt8] {
        bigEndian16(sourcePort) + bigEndian16(destinationPort)
            + bigEndian16(UInt16(truncatingIfNeeded: 8 + payload.count))
            + [0, 0] + payload
    }

    /// SYN options as Linux sends them: MSS 1460, SACK permitted, timestamps, NOP, window scale 7
    /// (JA4T option list `2-4-8-1-3`).
    package static let linuxSYNOptions: [UInt8] = [2, 4, 0x05, 0xB4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7]

    /// A classic little-endian pcap file (microsecond timestamps, snap length 262144) holding `records`.
    package static func pcap(_ records: [(timestamp: CaptureTimestamp, frame: [UInt8])], linkType: LinkType = .ethernet)
        -> [UInt8]
    {
        var bytes = littleEndian32(0xA1B2_C3D4) + littleEndian16(2) + littleEndian16(4)
        bytes += littleEndian32(0) + littleEndian32(0) + littleEndian32(262_144) + littleEndian32(linkType.rawValue)
        for record in records {
            let microseconds = record.timestamp.microseconds
            let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds + 1) / 1_000_000 - 1
            let fraction = microseconds - seconds * 1_000_000
            bytes += littleEndian32(UInt32(truncatingIfNeeded: seconds))
            bytes += littleEndian32(UInt32(truncatingIfNeeded: fraction))
            bytes += littleEndian32(UInt32(truncatingIfNeeded: record.frame.count))
            bytes += littleEndian32(UInt32(truncatingIfNeeded: record.frame.count))
            bytes += record.frame
        }
        return bytes
    }

    /// Writes `records` as a pcap file at `url`.
    package static func writePcap(
        _ records: [(timestamp: CaptureTimestamp, frame: [UInt8])],
        to url: URL,
        linkType: LinkType = .ethernet
    ) throws {
        try Data(pcap(records, linkType: linkType)).write(to: url)
    }

    static func bigEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    static func bigEndian32(_ value: UInt32) -> [UInt8] {
        bigEndian16(UInt16(value >> 16)) + bigEndian16(UInt16(value & 0xFFFF))
    }
    static func bigEndian64(_ value: UInt64) -> [UInt8] {
        bigEndian32(UInt32(value >> 32)) + bigEndian32(UInt32(value & 0xFFFF_FFFF))
    }
    static func littleEndian16(_ value: UInt16) -> [UInt8] { bigEndian16(value).reversed() }
    static func littleEndian32(_ value: UInt32) -> [UInt8] { bigEndian32(value).reversed() }
}
