import SwiftASN1
import TLSPrintCore
import X509

// RFC 5280 §4.1
//   Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier,
//                              signatureValue BIT STRING }
//   TBSCertificate ::= SEQUENCE {
//       version [0] EXPLICIT Version DEFAULT v1, serialNumber CertificateSerialNumber,
//       signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name,
//       subjectPublicKeyInfo SubjectPublicKeyInfo, issuerUniqueID [1] IMPLICIT UniqueIdentifier OPTIONAL,
//       subjectUniqueID [2] IMPLICIT UniqueIdentifier OPTIONAL, extensions [3] EXPLICIT Extensions OPTIONAL }
//   Validity ::= SEQUENCE { notBefore Time, notAfter Time }
//   Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }

/// What tlsprint reads from one DER certificate: JA4X inputs and the certificate event fields.
///
/// The structure is read from swift-asn1's node tree (depth capped by `Limits.derNestingDepth`); the
/// self-signed check verifies the signature of a self-issued certificate with swift-certificates. Where
/// swift-certificates rejects one that swift-asn1 parses, `selfSigned` falls back to name equality and
/// `usedFallback` is set.
package struct CertificateOutline: Hashable, Sendable {
    /// Issuer attribute-type OIDs (DER content bytes), every attribute of every RDN, wire order.
    package var issuerAttributeOIDs: [[UInt8]]
    /// Subject attribute-type OIDs (DER content bytes), wire order.
    package var subjectAttributeOIDs: [[UInt8]]
    /// Extension OIDs (DER content bytes), wire order.
    package var extensionOIDs: [[UInt8]]
    /// The issuer as `C=…, O=…, CN=…` in certificate order.
    package var issuer: String
    /// The subject as `C=…, O=…, CN=…` in certificate order.
    package var subject: String
    /// The subject's first commonName.
    package var subjectCommonName: String?
    /// DNS names and IP addresses of subjectAltName, as text, wire order.
    package var subjectAlternativeNames: [String]
    /// notBefore, seconds since the Unix epoch (UTC).
    package var notBefore: Int64
    /// notAfter, seconds since the Unix epoch (UTC).
    package var notAfter: Int64
    /// The serial number's magnitude as lower-case hex.
    package var serial: String
    /// Issuer equals subject and the signature verifies with the certificate's own key.
    package var selfSigned: Bool
    /// True when swift-certificates rejected a self-issued certificate and `selfSigned` is name equality only
    /// (certificates whose issuer and subject differ are never handed to it).
    package var usedFallback: Bool { fallbackReason != nil }
    /// swift-certificates' reason for rejecting the certificate, when it did.
    package var fallbackReason: String?

    /// Parses one DER certificate.
    package init(der: [UInt8]) throws(ParseError) {
        let root = try DERNode.parse(der)
        let top = try DERNode.children(root, expecting: .sequence)
        guard top.count == 3 else { throw ParseError(.invalidValue, at: 0) }
        var fields = try DERNode.children(top[0], expecting: .sequence)[...]
        if let first = fields.first, first.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            fields = fields.dropFirst()
        }
        guard fields.count >= 6 else { throw ParseError(.invalidValue, at: DERNode.offset(of: top[0])) }
        let tbs = Array(fields)
        serial = Self.serialHex(try DERNode.primitive(tbs[0], expecting: .integer))
        let issuerName = try DistinguishedNameOutline(tbs[2])
        let validity = try DERNode.children(tbs[3], expecting: .sequence)
        guard validity.count == 2 else { throw ParseError(.invalidValue, at: DERNode.offset(of: tbs[3])) }
        notBefore = try CertificateTime.seconds(validity[0])
        notAfter = try CertificateTime.seconds(validity[1])
        let subjectName = try DistinguishedNameOutline(tbs[4])
        issuerAttributeOIDs = issuerName.attributeOIDs
        subjectAttributeOIDs = subjectName.attributeOIDs
        issuer = issuerName.text
        subject = subjectName.text
        subjectCommonName = subjectName.commonName
        let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)
        let extensions = try tbs.dropFirst(6).first { $0.identifier == extensionsTag }.map(Self.extensions) ?? []
        extensionOIDs = extensions.map(\.oid)
        let sanOID: [UInt8] = [0x55, 0x1D, 0x11]
        subjectAlternativeNames =
            try extensions.first { $0.oid == sanOID }.map {
                (san) throws(ParseError) in try SubjectAlternativeNames.parse(san.value)
            } ?? []
        let namesEqual = issuerName.encoded == subjectName.encoded
        // Only a self-issued certificate can be self-signed: the others (nearly all) skip swift-certificates'
        // whole second parse and the signature check.
        guard namesEqual else {
            selfSigned = false
            return
        }
        do {
            let certificate = try Certificate(derEncoded: der)
            selfSigned =
                certificate.issuer == certificate.subject
                && certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
        } catch {
            fallbackReason = String(describing: error)
            selfSigned = namesEqual
        }
    }

    private static func extensions(_ node: ASN1Node) throws(ParseError) -> [(oid: [UInt8], value: [UInt8])] {
        let wrapped = try DERNode.children(node)
        guard wrapped.count == 1 else { throw ParseError(.invalidValue, at: DERNode.offset(of: node)) }
        var result: [(oid: [UInt8], value: [UInt8])] = []
        for item in try DERNode.children(wrapped[0], expecting: .sequence) {
            let parts = try DERNode.children(item, expecting: .sequence)
            guard parts.count == 2 || parts.count == 3, let last = parts.last else {
                throw ParseError(.invalidValue, at: DERNode.offset(of: item))
            }
            let oid = try DERNode.primitive(parts[0], expecting: .objectIdentifier)
            result.append((oid, try DERNode.primitive(last, expecting: .octetString)))
        }
        return result
    }

    private static func serialHex(_ bytes: [UInt8]) -> String {
        var magnitude = bytes[...]
        while magnitude.count > 1, magnitude.first == 0 { magnitude = magnitude.dropFirst() }
        return Hex.encode(magnitude)
    }
}
