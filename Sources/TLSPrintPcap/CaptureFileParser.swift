import TLSPrintCore

/// An incremental parser for classic pcap and pcapng, over a byte buffer that the caller refills.
///
/// The caller keeps a buffer whose first byte is always the first byte not yet consumed, calls `next(in:)`,
/// and drops `consumed` bytes after each `.packet` or `.skipped` step. `.needMoreBytes` asks for a refill;
/// at end of input it means the file is truncated. Pure: it works the same on a file, a pipe or a test array.
/// Error offsets count from the start of the file.
package struct CaptureFileParser: Sendable {
    /// The container format, once the first bytes have been seen.
    package enum Format: Hashable, Sendable {
        /// Classic pcap with the given file header.
        case pcap(PcapFileHeader)
        /// pcapng; `sections` counts the Section Header Blocks seen so far.
        case pcapng(sections: Int)
    }

    struct Section: Sendable {
        var bigEndian: Bool
        var interfaces: [PcapNGInterface] = []
    }

    /// Largest block that must sit whole in the caller's buffer (headers, interfaces, packets with options).
    package static let maximumBufferedBlock = 1 << 20
    /// Interfaces accepted per section.
    package static let maximumInterfaces = 4_096

    /// File offset of the first byte not yet consumed.
    package private(set) var offset = 0
    /// The container format, nil before the first bytes arrive.
    package private(set) var format: Format?
    var section: Section?
    var lastTimestamp = CaptureTimestamp(nanoseconds: 0)

    /// A parser positioned at the start of a capture file.
    package init() {}

    /// Parses the next record or block at the front of `buffer`.
    /// - Throws: `ParseError` for a damaged file; its offset counts from the start of the file.
    package mutating func next(in buffer: Span<UInt8>) throws(ParseError) -> CaptureFileStep {
        let step: CaptureFileStep
        switch format {
        case nil: step = try start(buffer)
        case .pcap(let header): step = try pcapRecord(buffer, header: header)
        case .pcapng: step = try pcapngBlock(buffer)
        }
        switch step {
        case .packet(_, _, let consumed), .skipped(let consumed): offset &+= consumed
        case .needMoreBytes: break
        }
        return step
    }

    private mutating func start(_ buffer: Span<UInt8>) throws(ParseError) -> CaptureFileStep {
        guard buffer.count >= 4 else { return .needMoreBytes(minimum: 4) }
        var reader = ByteReader(buffer, base: offset)
        let magic = try Self.firstUInt32(buffer, bigEndian: true)
        if PcapFileHeader.isPcapMagic(magic) {
            guard buffer.count >= PcapFileHeader.size else { return .needMoreBytes(minimum: PcapFileHeader.size) }
            format = .pcap(try PcapFileHeader(parsing: &reader))
            return .skipped(consumed: PcapFileHeader.size)
        }
        guard magic == PcapNGBlockHeader.sectionHeader else { throw ParseError(.invalidValue, at: offset) }
        return try sectionHeader(buffer)
    }

    private mutating func pcapRecord(_ buffer: Span<UInt8>, header: PcapFileHeader) throws(ParseError)
        -> CaptureFileStep
    {
        guard buffer.count >= PcapRecordHeader.size else { return .needMoreBytes(minimum: PcapRecordHeader.size) }
        var reader = ByteReader(buffer, base: offset)
        let record = try PcapRecordHeader(parsing: &reader, file: header)
        let total = PcapRecordHeader.size &+ record.capturedLength
        guard buffer.count >= total else { return .needMoreBytes(minimum: total) }
        let info = CaptureInfo(
            timestamp: record.timestamp,
            capturedLength: record.capturedLength,
            originalLength: record.originalLength,
            linkType: header.linkType
        )
        return .packet(info, PcapRecordHeader.size..<total, consumed: total)
    }

    private mutating func sectionHeader(_ buffer: Span<UInt8>) throws(ParseError) -> CaptureFileStep {
        let prefix = PcapNGSectionHeader.prefixSize
        guard buffer.count >= prefix else { return .needMoreBytes(minimum: prefix) }
        var reader = ByteReader(buffer, base: offset)
        let header = try PcapNGSectionHeader(parsingPrefix: &reader, maximum: Self.maximumBufferedBlock)
        guard buffer.count >= header.totalLength else { return .needMoreBytes(minimum: header.totalLength) }
        try checkTrailingLength(buffer, total: header.totalLength, bigEndian: header.bigEndian)
        section = Section(bigEndian: header.bigEndian)
        if case .pcapng(let sections) = format {
            format = .pcapng(sections: sections &+ 1)
        } else {
            format = .pcapng(sections: 1)
        }
        return .skipped(consumed: header.totalLength)
    }

    private mutating func pcapngBlock(_ buffer: Span<UInt8>) throws(ParseError) -> CaptureFileStep {
        guard buffer.count >= 8 else { return .needMoreBytes(minimum: 8) }
        guard let current = section else { throw ParseError(.invalidValue, at: offset) }
        var reader = ByteReader(buffer, base: offset)
        if try Self.firstUInt32(buffer, bigEndian: true) == PcapNGBlockHeader.sectionHeader {
            return try sectionHeader(buffer)
        }
        let type = try Self.firstUInt32(buffer, bigEndian: current.bigEndian)
        let minimum: Int
        switch type {
        case PcapNGBlockHeader.interfaceDescription: minimum = 20
        case PcapNGBlockHeader.enhancedPacket, PcapNGBlockHeader.obsoletePacket: minimum = 32
        case PcapNGBlockHeader.simplePacket: minimum = 16
        default:
            let header = try PcapNGBlockHeader(
                parsing: &reader,
                bigEndian: current.bigEndian,
                minimum: 12,
                maximum: PcapNGBlockHeader.maximumSkippedLength
            )
            return .skipped(consumed: header.totalLength)
        }
        let header = try PcapNGBlockHeader(
            parsing: &reader,
            bigEndian: current.bigEndian,
            minimum: minimum,
            maximum: Self.maximumBufferedBlock
        )
        let total = header.totalLength
        guard buffer.count >= total else { return .needMoreBytes(minimum: total) }
        try checkTrailingLength(buffer, total: total, bigEndian: current.bigEndian)
        var body = ByteReader(buffer.extracting(8..<(total &- 4)), base: offset &+ 8)
        if type == PcapNGBlockHeader.interfaceDescription {
            try addInterface(&body, bigEndian: current.bigEndian)
            return .skipped(consumed: total)
        }
        return try packet(&body, type: type, section: current, consumed: total)
    }

    private mutating func addInterface(_ body: inout ByteReader, bigEndian: Bool) throws(ParseError) {
        let blockOffset = offset
        let interface = try PcapNGInterface(parsingBody: &body, bigEndian: bigEndian)
        guard section?.interfaces.count ?? 0 < Self.maximumInterfaces else {
            throw ParseError(.limitExceeded, at: blockOffset)
        }
        section?.interfaces.append(interface)
    }

    private mutating func packet(_ body: inout ByteReader, type: UInt32, section: Section, consumed: Int)
        throws(ParseError) -> CaptureFileStep
    {
        let block: PcapNGPacketBlock
        if type == PcapNGBlockHeader.simplePacket {
            guard let first = section.interfaces.first else { throw ParseError(.invalidValue, at: offset) }
            block = try PcapNGPacketBlock(
                parsingSimple: &body,
                bigEndian: section.bigEndian,
                snapLength: first.snapLength
            )
        } else {
            block = try PcapNGPacketBlock(
                parsingEnhanced: &body,
                bigEndian: section.bigEndian,
                obsolete: type == PcapNGBlockHeader.obsoletePacket
            )
        }
        guard block.interfaceID < section.interfaces.count else { throw ParseError(.invalidValue, at: offset &+ 8) }
        let interface = section.interfaces[block.interfaceID]
        if let units = block.timestampUnits {
            lastTimestamp = interface.resolution.timestamp(units: units, offsetSeconds: interface.offsetSeconds)
        }
        let info = CaptureInfo(
            timestamp: lastTimestamp,
            capturedLength: block.capturedLength,
            originalLength: block.originalLength,
            linkType: interface.linkType,
            interfaceIndex: block.interfaceID
        )
        let start = 8 &+ block.dataOffset
        return .packet(info, start..<(start &+ block.capturedLength), consumed: consumed)
    }

    private static func firstUInt32(_ buffer: Span<UInt8>, bigEndian: Bool) throws(ParseError) -> UInt32 {
        var probe = ByteReader(buffer)
        return try probe.readUInt32(bigEndian: bigEndian)
    }

    private func checkTrailingLength(_ buffer: Span<UInt8>, total: Int, bigEndian: Bool) throws(ParseError) {
        var trailer = ByteReader(buffer.extracting((total &- 4)..<total), base: offset &+ total &- 4)
        guard try trailer.readUInt32(bigEndian: bigEndian) == UInt32(total) else {
            throw ParseError(.invalidValue, at: offset &+ total &- 4)
        }
    }
}
