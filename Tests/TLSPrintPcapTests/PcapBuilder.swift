/// Hand-assembles pcap and pcapng bytes for tests, in either byte order.
struct Writer {
    var bigEndian: Bool
    var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) {
        let pair = [UInt8(value >> 8), UInt8(value & 0xFF)]
        bytes += bigEndian ? pair : pair.reversed()
    }
    mutating func u32(_ value: UInt32) {
        let quad = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        bytes += bigEndian ? quad : quad.reversed()
    }
    mutating func raw(_ values: [UInt8]) { bytes += values }
    mutating func pad() { while bytes.count % 4 != 0 { bytes.append(0) } }
}

enum PcapBuilder {
    /// A classic pcap file with the given magic and records (seconds, fraction, bytes).
    static func pcap(
        bigEndian: Bool,
        nanoseconds: Bool,
        linkType: UInt32 = 1,
        snapLength: UInt32 = 65_535,
        records: [(UInt32, UInt32, [UInt8])]
    ) -> [UInt8] {
        var writer = Writer(bigEndian: bigEndian)
        writer.u32(nanoseconds ? 0xA1B2_3C4D : 0xA1B2_C3D4)
        writer.u16(2)
        writer.u16(4)
        writer.u32(0)
        writer.u32(0)
        writer.u32(snapLength)
        writer.u32(linkType)
        for (seconds, fraction, data) in records {
            writer.u32(seconds)
            writer.u32(fraction)
            writer.u32(UInt32(data.count))
            writer.u32(UInt32(data.count + 4))
            writer.raw(data)
        }
        return writer.bytes
    }

    /// A block with the given type and body; lengths are filled in and the body padded.
    static func block(_ type: UInt32, bigEndian: Bool, body: [UInt8]) -> [UInt8] {
        var padded = body
        while padded.count % 4 != 0 { padded.append(0) }
        var writer = Writer(bigEndian: bigEndian)
        writer.u32(type)
        writer.u32(UInt32(padded.count + 12))
        writer.raw(padded)
        writer.u32(UInt32(padded.count + 12))
        return writer.bytes
    }

    static func sectionHeader(bigEndian: Bool) -> [UInt8] {
        var body = Writer(bigEndian: bigEndian)
        body.u32(0x1A2B_3C4D)
        body.u16(1)
        body.u16(0)
        body.u32(0xFFFF_FFFF)
        body.u32(0xFFFF_FFFF)
        return block(0x0A0D_0D0A, bigEndian: bigEndian, body: body.bytes)
    }

    static func interface(bigEndian: Bool, linkType: UInt16, snapLength: UInt32 = 0, tsresol: UInt8? = nil) -> [UInt8] {
        var body = Writer(bigEndian: bigEndian)
        body.u16(linkType)
        body.u16(0)
        body.u32(snapLength)
        body.u16(2)  // if_name, to prove unknown options are skipped
        body.u16(3)
        body.raw([0x65, 0x74, 0x68])
        body.pad()
        if let tsresol {
            body.u16(9)
            body.u16(1)
            body.u8(tsresol)
            body.pad()
        }
        body.u16(0)
        body.u16(0)
        return block(1, bigEndian: bigEndian, body: body.bytes)
    }

    static func enhancedPacket(bigEndian: Bool, interface: UInt32, timestamp: UInt64, data: [UInt8]) -> [UInt8] {
        var body = Writer(bigEndian: bigEndian)
        body.u32(interface)
        body.u32(UInt32(timestamp >> 32))
        body.u32(UInt32(timestamp & 0xFFFF_FFFF))
        body.u32(UInt32(data.count))
        body.u32(UInt32(data.count))
        body.raw(data)
        body.pad()
        return block(6, bigEndian: bigEndian, body: body.bytes)
    }

    static func obsoletePacket(bigEndian: Bool, interface: UInt16, timestamp: UInt64, data: [UInt8]) -> [UInt8] {
        var body = Writer(bigEndian: bigEndian)
        body.u16(interface)
        body.u16(0)
        body.u32(UInt32(timestamp >> 32))
        body.u32(UInt32(timestamp & 0xFFFF_FFFF))
        body.u32(UInt32(data.count))
        body.u32(UInt32(data.count))
        body.raw(data)
        return block(2, bigEndian: bigEndian, body: body.bytes)
    }

    static func simplePacket(bigEndian: Bool, data: [UInt8]) -> [UInt8] {
        var body = Writer(bigEndian: bigEndian)
        body.u32(UInt32(data.count))
        body.raw(data)
        return block(3, bigEndian: bigEndian, body: body.bytes)
    }
}
