import SwiftASN1
import TLSPrintCore

// RFC 5280 §4.2.1.6
//   SubjectAltName ::= GeneralNames
//   GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
//   GeneralName ::= CHOICE { ... dNSName [2] IA5String, ... iPAddress [7] OCTET STRING, ... }

/// The DNS names and IP addresses of a subjectAltName extension value, as text, in wire order.
enum SubjectAlternativeNames {
    static let maximumNames = 256

    static func parse(_ extnValue: [UInt8]) throws(ParseError) -> [String] {
        let root = try DERNode.parse(extnValue)
        var names: [String] = []
        for name in try DERNode.children(root, expecting: .sequence) {
            guard names.count < maximumNames else { throw ParseError(.limitExceeded, at: DERNode.offset(of: name)) }
            guard name.identifier.tagClass == .contextSpecific, case .primitive(let bytes) = name.content else {
                continue
            }
            switch name.identifier.tagNumber {
            case 2: names.append(String(decoding: bytes, as: UTF8.self))
            case 7: if let address = ipText(Array(bytes)) { names.append(address) }
            default: continue
            }
        }
        return names
    }

    /// Dotted quad for 4 bytes, RFC 5952 text for 16 bytes, nil otherwise.
    static func ipText(_ bytes: [UInt8]) -> String? {
        if bytes.count == 4 { return bytes.map { String($0) }.joined(separator: ".") }
        guard bytes.count == 16 else { return nil }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var best = (start: -1, length: 0)
        var run = (start: -1, length: 0)
        for (index, group) in groups.enumerated() {
            if group == 0 {
                run = run.start < 0 ? (index, 1) : (run.start, run.length + 1)
                if run.length > best.length { best = run }
            } else {
                run = (-1, 0)
            }
        }
        let text = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return text.joined(separator: ":") }
        let head = text[..<best.start].joined(separator: ":")
        let tail = text[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
