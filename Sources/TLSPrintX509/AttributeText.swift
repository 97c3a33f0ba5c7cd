import SwiftASN1
import TLSPrintCore

/// Text forms of attribute types and values for the `subject`/`issuer` event fields.
enum AttributeText {
    private static let shortNames: [([UInt8], String)] = [
        ([0x55, 0x04, 0x03], "CN"), ([0x55, 0x04, 0x06], "C"), ([0x55, 0x04, 0x07], "L"),
        ([0x55, 0x04, 0x08], "ST"), ([0x55, 0x04, 0x09], "street"), ([0x55, 0x04, 0x0A], "O"),
        ([0x55, 0x04, 0x0B], "OU"), ([0x55, 0x04, 0x05], "serialNumber"), ([0x55, 0x04, 0x0C], "title"),
        ([0x55, 0x04, 0x04], "SN"), ([0x55, 0x04, 0x2A], "GN"), ([0x55, 0x04, 0x11], "postalCode"),
        ([0x55, 0x04, 0x0F], "businessCategory"),
        ([0x09, 0x92, 0x26, 0x89, 0x93, 0xF2, 0x2C, 0x64, 0x01, 0x19], "DC"),
        ([0x09, 0x92, 0x26, 0x89, 0x93, 0xF2, 0x2C, 0x64, 0x01, 0x01], "UID"),
        ([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01], "emailAddress"),
    ]

    /// The short name of an attribute type (`CN`, `O`, …), or its dotted OID when unknown.
    static func shortName(_ oid: [UInt8]) -> String {
        if let known = shortNames.first(where: { $0.0 == oid }) { return known.1 }
        return dotted(oid)
    }

    /// The dotted form of OID content bytes (X.690 §8.19).
    static func dotted(_ oid: [UInt8]) -> String {
        var arcs: [UInt64] = []
        var value: UInt64 = 0
        for byte in oid {
            guard value < (1 << 56) else { return "#" + Hex.encode(oid) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                arcs.append(value)
                value = 0
            }
        }
        guard let first = arcs.first else { return "#" + Hex.encode(oid) }
        let head: [UInt64] = first < 80 ? [first / 40, first % 40] : [2, first - 80]
        return (head + arcs.dropFirst()).map { String($0) }.joined(separator: ".")
    }

    /// A DirectoryString (or IA5String) value as text; other types as `#` + hex of their DER (RFC 4514).
    static func decode(_ node: ASN1Node) -> String {
        guard node.identifier.tagClass == .universal, case .primitive(let bytes) = node.content else {
            return "#" + Hex.encode(node.encodedBytes)
        }
        switch node.identifier.tagNumber {
        case 12, 18, 19, 22, 26:  // UTF8String, NumericString, PrintableString, IA5String, VisibleString
            return String(decoding: bytes, as: UTF8.self)
        case 20:  // TeletexString, read as Latin-1 as most decoders do
            return String(String.UnicodeScalarView(bytes.compactMap { Unicode.Scalar(UInt32($0)) }))
        case 30:  // BMPString, UTF-16BE
            var units: [UInt16] = []
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        default:
            return "#" + Hex.encode(node.encodedBytes)
        }
    }
}
