import TLSPrintCore

// RFC 4251 §5
//   name-list: a string containing a comma-separated list of names. A name-list is represented as a uint32
//   containing its length (number of bytes that follow) followed by a comma-separated list of zero or more
//   names. A name MUST have a non-zero length, and it MUST NOT contain a comma (","). [...] Terminating null
//   characters MUST NOT be used, neither for the individual names, nor for the list as a whole.

/// One name-list of a KEXINIT, kept as the bytes sent.
///
/// Attacker bytes: the list is not checked for ASCII, empty names or NUL, so fingerprints hash what was sent.
/// Its length is bounded by the packet that holds it (`SSHBinaryPacket.maximumPacketLength`).
package struct SSHNameList: Hashable, Sendable, WireParseable {
    /// The list as sent, commas included.
    package var bytes: [UInt8]

    /// A list from its bytes.
    package init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses `uint32 length` and the bytes that follow.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let length = Int(try reader.readUInt32())
        var list = try reader.readSlice(length)
        bytes = list.readRemainingBytes()
    }

    /// The names in order; empty names (`a,,b`, a leading or trailing comma) are left out.
    package var names: [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true)
    }
}
