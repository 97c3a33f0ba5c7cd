import TLSPrintCore

// RFC 9147 §4 (DTLS 1.3): besides DTLSPlaintext, a datagram may hold DTLSCiphertext records with the
// unified header, recognised by their first three bits:
//    0 1 2 3 4 5 6 7
//   +-+-+-+-+-+-+-+-+
//   |0|0|1|C|S|L|E E|      C: connection ID present, S: 16-bit sequence number,
//   +-+-+-+-+-+-+-+-+      L: length present, E: low bits of the epoch
//   | Connection ID |      (length as negotiated: not knowable from the wire)
//   | 8/16-bit seq  |
//   | 16-bit length |      (if absent, the record runs to the end of the datagram)
//   +-+-+-+-+-+-+-+-+
// RFC 9146 §4 (DTLS 1.2 connection ID): a record of type tls12_cid(25) carries a CID of negotiated
// length before its length field, so it cannot be delimited either.

/// One record of a datagram in the DTLSPlaintext layout: its header and where its body lies.
package struct DTLSRecord: Hashable, Sendable {
    /// The record header.
    package var header: DTLSRecordHeader
    /// The body's byte range within the datagram.
    package var body: Range<Int>
}

/// The records of one UDP datagram, walked without decrypting anything.
///
/// The whole datagram is checked before anything is returned: a record that runs past the end throws,
/// so a truncated datagram yields no records at all.
package struct DTLSDatagram: Hashable, Sendable {
    /// The most records (of either layout) read from one datagram; more throws `.limitExceeded`.
    package static let maximumRecords = 64
    /// ContentType tls12_cid(25) (RFC 9146).
    static let connectionIDContentType: UInt8 = 25

    /// The DTLSPlaintext-layout records, in datagram order (any epoch, any content type).
    package var records: [DTLSRecord] = []
    /// Records skipped unread: DTLS 1.3 unified-header ciphertext and DTLS 1.2 connection-ID records.
    /// One whose end cannot be found takes the rest of the datagram with it.
    package var skippedRecords = 0

    /// Walks the records of `datagram` (a UDP payload).
    /// - Throws: `.truncated` when a record runs past the datagram, `.invalidValue` for a record header
    ///   that is not DTLS, `.limitExceeded` past `maximumRecords`.
    package init(parsing datagram: Span<UInt8>) throws(ParseError) {
        var reader = ByteReader(datagram)
        while !reader.isAtEnd {
            guard records.count + skippedRecords < Self.maximumRecords else {
                throw ParseError(.limitExceeded, at: reader.offset)
            }
            let first = try reader.peekUInt8()
            if first & 0xE0 == 0x20 || first == Self.connectionIDContentType {
                skippedRecords += 1
                guard first & 0xE0 == 0x20, first & 0x10 == 0, first & 0x04 != 0 else {
                    _ = reader.readRemainingBytes()  // no length, or a CID of unknown length
                    break
                }
                try reader.skip(first & 0x08 != 0 ? 3 : 2)
                let length = Int(try reader.readUInt16())
                try reader.skip(length)
                continue
            }
            let header = try DTLSRecordHeader(parsing: &reader)
            let start = reader.offset
            try reader.skip(header.length)
            records.append(DTLSRecord(header: header, body: start..<(start + header.length)))
        }
    }
}
