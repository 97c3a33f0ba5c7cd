import TLSPrintCore

extension DTLSHandshakeReassembler {
    /// A cheap test of whether a UDP payload on any port starts like a DTLS handshake.
    ///
    /// True when the first record is an epoch-0 handshake record with a DTLS version (0xFEFF, 0xFEFD,
    /// 0xFEFC, or OpenSSL's pre-RFC 0x0100) that fits in the payload, and holds a ClientHello,
    /// ServerHello or HelloVerifyRequest fragment that fits in the record.
    package static func looksLikeDTLS(_ payload: Span<UInt8>) -> Bool {
        var reader = ByteReader(payload)
        guard let header = try? DTLSRecordHeader(parsing: &reader),
            header.contentType == DTLSRecordHeader.handshake, header.epoch == 0,
            [0xFEFF, 0xFEFD, 0xFEFC, 0x0100].contains(header.version.rawValue),
            header.length >= DTLSHandshakeHeader.size, header.length <= reader.remaining,
            let handshake = try? DTLSHandshakeHeader(parsing: &reader),
            (1...3).contains(handshake.type.rawValue),
            handshake.fragmentLength <= header.length - DTLSHandshakeHeader.size
        else { return false }
        return true
    }
}
