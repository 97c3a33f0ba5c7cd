import TLSPrintCore

/// What a `tls_certificate` event reports of one certificate of the chain (the JSON `chain` array).
package struct CertificateChainEntry: Hashable, Sendable {
    package var ja4x: String
    package var ja4xRaw: String
    /// Distinguished names in wire order, RFC 4514-style.
    package var subject: String
    package var issuer: String
    /// RFC 3339 UTC.
    package var notBefore: String
    package var notAfter: String
    /// Lower-case hex.
    package var serial: String
    /// SHA-256 of the DER, lower-case hex.
    package var sha256: String

    package init(
        ja4x: String,
        ja4xRaw: String,
        subject: String,
        issuer: String,
        notBefore: String,
        notAfter: String,
        serial: String,
        sha256: String
    ) {
        self.ja4x = ja4x
        self.ja4xRaw = ja4xRaw
        self.subject = subject
        self.issuer = issuer
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.serial = serial
        self.sha256 = sha256
    }

    func write<W: EventFieldWriter>(to writer: inout W) {
        writer.string("ja4x", ja4x)
        writer.string("ja4x_r", ja4xRaw)
        writer.text("subject", Array(subject.utf8))
        writer.text("issuer", Array(issuer.utf8))
        writer.string("not_before", notBefore)
        writer.string("not_after", notAfter)
        writer.string("serial", serial)
        writer.string("sha256", sha256)
    }
}

/// `tls_certificate`: a TLS ≤ 1.2 / DTLS Certificate message: the leaf's details and every certificate's JA4X.
package struct TLSCertificateEvent: Hashable, Sendable {
    package var timestamp: CaptureTimestamp
    package var endpoints: EventEndpoints
    /// The client's SNI on this stream (empty when none was seen).
    package var serverName: [UInt8]
    /// The certificates that parsed, leaf first; never empty.
    package var chain: [CertificateChainEntry]
    /// The leaf's subject common name, when it has one.
    package var subjectCommonName: String?
    /// The leaf's subject alternative names.
    package var subjectAlternativeNames: [String]
    package var selfSigned: Bool
    /// Certificates in the message, parsed or not.
    package var chainLength: Int
    /// The client's JA3 and JA4 on this stream, when its ClientHello was seen: a certificate tied to client
    /// software without a join.
    package var clientJA3: String?
    package var clientJA4: String?
    /// Labels and source file, added after the fingerprints.
    package var annotations = EventAnnotations()

    package init(
        timestamp: CaptureTimestamp,
        endpoints: EventEndpoints,
        serverName: [UInt8],
        chain: [CertificateChainEntry],
        subjectCommonName: String?,
        subjectAlternativeNames: [String],
        selfSigned: Bool,
        chainLength: Int
    ) {
        precondition(!chain.isEmpty, "a certificate event needs a parsed leaf")
        self.timestamp = timestamp
        self.endpoints = endpoints
        self.serverName = serverName
        self.chain = chain
        self.subjectCommonName = subjectCommonName
        self.subjectAlternativeNames = subjectAlternativeNames
        self.selfSigned = selfSigned
        self.chainLength = chainLength
    }

    /// The leaf certificate.
    package var leaf: CertificateChainEntry { chain[0] }

    /// The fields in contract order.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        endpoints.write(to: &writer)
        writer.text("sni", serverName)
        if let clientJA3 { writer.string("ja3", clientJA3) }
        if let clientJA4 { writer.string("ja4", clientJA4) }
        writer.string("ja4x", leaf.ja4x)
        writer.strings("ja4x_chain", chain.map(\.ja4x))
        if let subjectCommonName { writer.text("subject_cn", Array(subjectCommonName.utf8)) }
        writer.text("subject", Array(leaf.subject.utf8))
        writer.text("issuer", Array(leaf.issuer.utf8))
        if !subjectAlternativeNames.isEmpty { writer.texts("sans", subjectAlternativeNames.map { Array($0.utf8) }) }
        writer.string("not_before", leaf.notBefore)
        writer.string("not_after", leaf.notAfter)
        writer.bool("self_signed", selfSigned)
        writer.string("serial", leaf.serial)
        writer.string("cert_sha256", leaf.sha256)
        writer.integer("chain_length", chainLength)
        annotations.write(to: &writer)
        writer.objects("chain", chain) { entry, inner in entry.write(to: &inner) }
    }
}
