import SwiftASN1
import TLSPrintCore

// RFC 5280 §4.1.2.4
//   Name ::= CHOICE { rdnSequence RDNSequence }
//   RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
//   RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
//   AttributeTypeAndValue ::= SEQUENCE { type AttributeType, value AttributeValue }

/// A Name read in wire order: every attribute of every RDN, with its OID bytes and decoded value.
struct DistinguishedNameOutline: Hashable, Sendable {
    /// One AttributeTypeAndValue.
    struct Attribute: Hashable, Sendable {
        var oid: [UInt8]
        var value: String
    }

    /// The RDNs in wire order, each with its attributes in wire order.
    var rdns: [[Attribute]] = []
    /// The Name's whole DER encoding, for equality checks.
    var encoded: [UInt8]

    init(_ node: ASN1Node) throws(ParseError) {
        encoded = Array(node.encodedBytes)
        for rdn in try DERNode.children(node, expecting: .sequence) {
            var attributes: [Attribute] = []
            for pair in try DERNode.children(rdn, expecting: .set) {
                let fields = try DERNode.children(pair, expecting: .sequence)
                guard fields.count == 2 else { throw ParseError(.invalidValue, at: DERNode.offset(of: pair)) }
                let oid = try DERNode.primitive(fields[0], expecting: .objectIdentifier)
                attributes.append(Attribute(oid: oid, value: AttributeText.decode(fields[1])))
            }
            rdns.append(attributes)
        }
    }

    /// Every attribute-type OID in wire order (JA4X input).
    var attributeOIDs: [[UInt8]] { rdns.flatMap { $0.map(\.oid) } }

    /// `C=…, O=…, CN=…` in certificate order; attributes of one RDN joined with `+`.
    var text: String {
        rdns.map { rdn in
            rdn.map { AttributeText.shortName($0.oid) + "=" + $0.value }.joined(separator: "+")
        }.joined(separator: ", ")
    }

    /// The value of the first commonName (2.5.4.3), if any.
    var commonName: String? {
        rdns.lazy.flatMap { $0 }.first { $0.oid == [0x55, 0x04, 0x03] }?.value
    }
}
