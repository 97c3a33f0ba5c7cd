import TLSPrintCore

/// Reads a vector of 16-bit code points (supported_groups, signature_algorithms, cipher_suites).
enum UInt16List {
    /// Reads every remaining 16-bit value of `reader`; an odd byte count throws `.truncated`.
    static func read(_ reader: inout ByteReader) throws(ParseError) -> [UInt16] {
        var values: [UInt16] = []
        values.reserveCapacity(reader.remaining / 2)
        while !reader.isAtEnd { values.append(try reader.readUInt16()) }
        return values
    }
}
