import TLSPrintCore

// Where TLS starts. At byte 0 a record header `16 03 00..04 LL LL` with 1 ≤ LL ≤ 2^14+2048 is enough.
// After a plaintext prelude (STARTTLS for SMTP/IMAP/LDAP/MySQL/ADB, HTTP CONNECT, SOCKS4/5 replies) the
// header must also start a ClientHello or ServerHello (type 1 or 2) of consistent length whose body
// begins with a plausible version byte. An SSLv2-format ClientHello (RFC 6101 Appendix E.2: 2-byte
// header with the high bit set, msg_type 1, version 0x0002 or 0x03xx) is reported, not parsed.

extension TLSHandshakeAssembler {
    enum SearchOutcome {
        case waiting
        case found(Int)
        case sslv2
        case notTLS
    }

    /// Bytes copied into the search buffer per step, so plain TLS at byte 0 copies almost nothing.
    static let searchStep = 64

    mutating func search(_ bytes: Span<UInt8>, from start: Int, into messages: inout [HandshakeMessage]) -> Int {
        var index = start
        let capacity = Self.preludeScanLimit + 10
        while index < bytes.count {
            let end = index + min(Self.searchStep, bytes.count - index, capacity - searchBuffer.count)
            searchBuffer.append(span: bytes.extracting(index..<end))
            index = end
            switch locate() {
            case .waiting:
                guard searchBuffer.count >= capacity else { continue }
                state = .notTLS
                searchBuffer = []
                return index
            case .notTLS:
                state = .notTLS
                searchBuffer = []
                return index
            case .sslv2:
                isSSLv2ClientHello = true
                state = .done
                searchBuffer = []
                return index
            case .found(let position):
                preludeLength = position
                let rest = Array(searchBuffer[position...])
                searchBuffer = []
                state = .handshake
                let savedBase = chunkBase
                chunkBase = savedBase + index - rest.count
                _ = deframe(rest.span, from: 0, into: &messages)
                chunkBase = savedBase
                return index
            }
        }
        return index
    }

    mutating func locate() -> SearchOutcome {
        let buffer = searchBuffer
        while scanPosition < Self.preludeScanLimit {
            let position = scanPosition
            let available = buffer.count - position
            if position == 0 {
                guard available >= 5 else { return .waiting }
                if Self.isSSLv2ClientHelloHeader(buffer) { return .sslv2 }
                if Self.isRecordHeader(buffer, at: 0) { return .found(0) }
            } else {
                guard available >= 10 else { return .waiting }
                // Most prelude bytes are not a handshake content type: one comparison each.
                if buffer[position] == 0x16, Self.isRecordHeader(buffer, at: position),
                    Self.startsHello(buffer, at: position)
                {
                    return .found(position)
                }
            }
            scanPosition += 1
        }
        return .notTLS
    }

    static func isRecordHeader(_ buffer: [UInt8], at position: Int) -> Bool {
        guard buffer[position] == 0x16, buffer[position + 1] == 0x03, buffer[position + 2] <= 0x04 else {
            return false
        }
        let length = Int(buffer[position + 3]) << 8 | Int(buffer[position + 4])
        return length >= 1 && length <= Self.maximumRecordLength
    }

    static func startsHello(_ buffer: [UInt8], at position: Int) -> Bool {
        let recordLength = Int(buffer[position + 3]) << 8 | Int(buffer[position + 4])
        let type = buffer[position + 5]
        let length = Int(buffer[position + 6]) << 16 | Int(buffer[position + 7]) << 8 | Int(buffer[position + 8])
        let versionMajor = buffer[position + 9]
        guard type == 1 || type == 2, length >= 38, length <= Limits.handshakeMessageSize else { return false }
        guard versionMajor == 0x03 || versionMajor == 0x7F else { return false }
        // The hello fits in this record, or the record is large enough that fragmenting it is plausible.
        return length + 4 <= recordLength || recordLength >= 4096
    }

    static func isSSLv2ClientHelloHeader(_ buffer: [UInt8]) -> Bool {
        guard buffer[0] & 0x80 != 0, buffer[2] == 0x01 else { return false }
        let length = Int(buffer[0] & 0x7F) << 8 | Int(buffer[1])
        let version = UInt16(buffer[3]) << 8 | UInt16(buffer[4])
        return length >= 9 && (version == 0x0002 || (version >= 0x0300 && version <= 0x0304))
    }
}
