import SwiftASN1
import TLSPrintCore

/// Helpers over swift-asn1's parsed node tree; every failure becomes a `ParseError`.
enum DERNode {
    /// Parses `der` with swift-asn1 and checks the nesting depth against `Limits.derNestingDepth`.
    static func parse(_ der: [UInt8]) throws(ParseError) -> ASN1Node {
        let root: ASN1Node
        do {
            root = try DER.parse(der)
        } catch {
            throw ParseError(.invalidValue, at: 0)
        }
        try checkDepth(root, depth: 1)
        return root
    }

    private static func checkDepth(_ node: ASN1Node, depth: Int) throws(ParseError) {
        guard depth <= Limits.derNestingDepth else { throw ParseError(.limitExceeded, at: offset(of: node)) }
        guard case .constructed(let children) = node.content else { return }
        for child in children { try checkDepth(child, depth: depth + 1) }
    }

    /// The children of a constructed node.
    static func children(_ node: ASN1Node) throws(ParseError) -> [ASN1Node] {
        guard case .constructed(let children) = node.content else {
            throw ParseError(.invalidValue, at: offset(of: node))
        }
        return Array(children)
    }

    /// The children of a constructed node that must carry `identifier`.
    static func children(_ node: ASN1Node, expecting identifier: ASN1Identifier) throws(ParseError) -> [ASN1Node] {
        guard node.identifier == identifier else { throw ParseError(.invalidValue, at: offset(of: node)) }
        return try children(node)
    }

    /// The content bytes of a primitive node that must carry `identifier`.
    static func primitive(_ node: ASN1Node, expecting identifier: ASN1Identifier) throws(ParseError) -> [UInt8] {
        guard node.identifier == identifier, case .primitive(let bytes) = node.content else {
            throw ParseError(.invalidValue, at: offset(of: node))
        }
        return Array(bytes)
    }

    /// The offset of a node in the buffer it was parsed from.
    static func offset(of node: ASN1Node) -> Int { node.encodedBytes.startIndex }
}
