/// A ClientHello or ServerHello body split into its length-prefixed parts, for structure-aware mutation.
///
///     ClientHello: version(2) random(32) session_id<0..32> cipher_suites<2..2^16-2>
///                  compression_methods<1..2^8-1> extensions<0..2^16-1>        (RFC 8446 §4.1.2)
///     ServerHello: version(2) random(32) session_id<0..32> cipher_suite(2) compression(1)
///                  extensions<0..2^16-1>                                       (RFC 8446 §4.1.3)
/// Parsing is deliberately loose (it only needs the TLV skeleton); serialising recomputes every length
/// and records where each length field sits so that one of them can be corrupted on purpose.
public struct HelloModel {
    /// One extension: type and body.
    public struct Extension {
        public var type: UInt16
        public var body: [UInt8]
    }

    public var isClient: Bool
    public var head: [UInt8]
    public var sessionID: [UInt8]
    public var cipherSuites: [UInt8]
    public var compression: [UInt8]
    public var extensions: [Extension]?
    /// Bytes after the extension block (normally none).
    public var trailer: [UInt8] = []

    /// Splits `bytes`; nil when even the skeleton does not fit.
    public init?(parsing bytes: [UInt8], isClient: Bool) {
        self.isClient = isClient
        var cursor = Cursor(bytes: bytes)
        guard let head = cursor.take(34), let sessionID = cursor.vector(1) else { return nil }
        self.head = head
        self.sessionID = sessionID
        if isClient {
            guard let suites = cursor.vector(2), let compression = cursor.vector(1) else { return nil }
            cipherSuites = suites
            self.compression = compression
        } else {
            guard let suite = cursor.take(2), let compression = cursor.take(1) else { return nil }
            cipherSuites = suite
            self.compression = compression
        }
        guard !cursor.isAtEnd else {
            extensions = nil
            return
        }
        guard var block = cursor.vector(2).map({ Cursor(bytes: $0) }) else { return nil }
        var list: [Extension] = []
        while !block.isAtEnd {
            guard let type = block.uint16(), let body = block.vector(2) else { return nil }
            list.append(Extension(type: type, body: body))
        }
        extensions = list
        trailer = cursor.rest()
    }

    /// The wire bytes with consistent lengths, and the (offset, width) of every length field written.
    public func serialized() -> (bytes: [UInt8], lengthFields: [(offset: Int, width: Int)]) {
        var out = head
        var fields: [(offset: Int, width: Int)] = []
        func vector(_ body: [UInt8], width: Int) {
            fields.append((out.count, width))
            Self.appendLength(body.count, width: width, to: &out)
            out += body
        }
        vector(sessionID, width: 1)
        if isClient {
            vector(cipherSuites, width: 2)
            vector(compression, width: 1)
        } else {
            out += cipherSuites
            out += compression
        }
        if let extensions {
            let blockLengthAt = out.count
            fields.append((blockLengthAt, 2))
            out += [0, 0]
            for item in extensions {
                out.append(UInt8(truncatingIfNeeded: item.type >> 8))
                out.append(UInt8(truncatingIfNeeded: item.type))
                vector(item.body, width: 2)
            }
            let blockLength = out.count - blockLengthAt - 2
            out[blockLengthAt] = UInt8(truncatingIfNeeded: blockLength >> 8)
            out[blockLengthAt + 1] = UInt8(truncatingIfNeeded: blockLength)
        }
        out += trailer
        return (out, fields)
    }

    static func appendLength(_ value: Int, width: Int, to out: inout [UInt8]) {
        for shift in stride(from: (width - 1) * 8, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}

/// A forgiving big-endian cursor for the mutator (returns nil instead of throwing).
struct Cursor {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - index >= count else { return nil }
        defer { index += count }
        return Array(bytes[index..<(index + count)])
    }

    mutating func uint16() -> UInt16? {
        guard let pair = take(2) else { return nil }
        return UInt16(pair[0]) << 8 | UInt16(pair[1])
    }

    mutating func vector(_ width: Int) -> [UInt8]? {
        guard let prefix = take(width) else { return nil }
        let length = prefix.reduce(0) { $0 << 8 | Int($1) }
        return take(length)
    }

    mutating func rest() -> [UInt8] {
        defer { index = bytes.count }
        return index < bytes.count ? Array(bytes[index...]) : []
    }
}
