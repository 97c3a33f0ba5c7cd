import TLSPrintCore

// RFC 8446 §5.1
//   struct {
//       ContentType type;
//       ProtocolVersion legacy_record_version;
//       uint16 length;
//       opaque fragment[TLSPlaintext.length];
//   } TLSPlaintext;

/// Turns the in-order bytes of one direction of a TCP stream into complete handshake messages.
///
/// Feed it chunks of any size, down to one byte. It finds where TLS starts (byte 0, or after a plaintext
/// prelude such as STARTTLS, HTTP CONNECT or SOCKS), deframes records, joins handshake records into one
/// byte stream and cuts that into messages. It buffers only a partial record header, a partial message
/// and, while searching, at most `preludeScanLimit` bytes. Non-TLS streams end in `.notTLS`.
package struct TLSHandshakeAssembler: Sendable {
    /// Where the assembler is.
    package enum State: Hashable, Sendable {
        /// Looking for the first TLS record (or an SSLv2 ClientHello).
        case searching
        /// Deframing handshake records.
        case handshake
        /// A ChangeCipherSpec, Alert or ApplicationData record (or an SSLv2 hello) ended the cleartext part.
        case done
        /// No TLS record header within the scan limit.
        case notTLS
        /// The stream broke a rule; nothing more is read.
        case failed(ParseError)
    }

    /// Bytes scanned for a TLS record after a plaintext prelude before giving up.
    package static let preludeScanLimit = 8192
    /// Largest record accepted: 2^14 plus the 2048 bytes of expansion TLS 1.2 allows.
    package static let maximumRecordLength = 16_384 + 2048
    /// Handshake messages accepted per direction.
    package static let maximumMessages = 64

    /// The current state; feeding is a no-op once it is `.done`, `.notTLS` or `.failed`.
    package internal(set) var state: State = .searching
    /// True when the stream opened with an SSLv2-format ClientHello (reported, not parsed).
    package internal(set) var isSSLv2ClientHello = false
    /// Bytes of plaintext before the first TLS record, once found (0 for plain TLS).
    package internal(set) var preludeLength: Int?
    /// TLS records seen so far.
    package internal(set) var recordCount = 0
    /// Handshake messages yielded so far.
    package internal(set) var messageCount = 0

    /// Stream offset of `bytes[0]` of the chunk being processed (for error offsets).
    var chunkBase = 0
    var searchBuffer: [UInt8] = []
    var scanPosition = 0
    var recordHeader: [UInt8] = []
    var recordRemaining = 0
    var messageHeader: [UInt8] = []
    var messageBody: [UInt8] = []
    var messageLength: Int?

    /// Bytes held for partial records and messages (the sensor's memory budget counts them).
    package var bufferedBytes: Int {
        searchBuffer.count + recordHeader.count + messageHeader.count + messageBody.count
    }

    /// Every byte fed so far, while the assembler is still searching for TLS (it keeps them all, at most
    /// `preludeScanLimit` + 10): for a caller that learns later that the direction speaks something else.
    package var bytesWhileSearching: [UInt8]? { state == .searching ? searchBuffer : nil }

    /// A fresh assembler, searching from the first byte of the direction.
    package init() {}

    /// Consumes the next bytes of the direction; returns the handshake messages they completed, in order.
    package mutating func feed(_ bytes: Span<UInt8>) -> [HandshakeMessage] {
        var messages: [HandshakeMessage] = []
        var index = 0
        defer { chunkBase += bytes.count }
        while index < bytes.count {
            switch state {
            case .searching:
                index = search(bytes, from: index, into: &messages)
            case .handshake:
                index = deframe(bytes, from: index, into: &messages)
            case .done, .notTLS, .failed:
                return messages
            }
        }
        return messages
    }

    /// Consumes the next bytes of the direction (array convenience).
    package mutating func feed(_ bytes: [UInt8]) -> [HandshakeMessage] {
        feed(bytes.span)
    }

    mutating func fail(_ reason: ParseError.Reason, at offset: Int) {
        state = .failed(ParseError(reason, at: offset))
        searchBuffer = []
        messageBody = []
    }

    /// Deframes records from `bytes[index...]` until the bytes end or the state changes.
    mutating func deframe(_ bytes: Span<UInt8>, from start: Int, into messages: inout [HandshakeMessage]) -> Int {
        var index = start
        while index < bytes.count, state == .handshake {
            if recordRemaining > 0 {
                let end = index + min(recordRemaining, bytes.count - index)
                recordRemaining -= end - index
                appendHandshake(bytes, index..<end, into: &messages)
                index = end
                continue
            }
            recordHeader.append(bytes[index])
            index += 1
            if recordHeader.count == 5 { startRecord(endingAt: chunkBase + index) }
        }
        return index
    }

    /// Interprets a complete 5-byte record header.
    mutating func startRecord(endingAt end: Int) {
        let header = recordHeader
        recordHeader = []
        let offset = end - 5
        let length = Int(header[3]) << 8 | Int(header[4])
        guard header[1] == 0x03 else { return fail(.invalidValue, at: offset + 1) }
        guard length <= Self.maximumRecordLength else { return fail(.limitExceeded, at: offset + 3) }
        recordCount += 1
        guard recordCount <= Limits.tlsRecordsPerDirection else { return fail(.limitExceeded, at: offset) }
        switch header[0] {
        case 22: recordRemaining = length
        case 20, 21, 23: state = .done
        default: fail(.invalidValue, at: offset)
        }
    }

    /// Appends record-body bytes to the handshake stream and cuts out complete messages.
    mutating func appendHandshake(_ bytes: Span<UInt8>, _ range: Range<Int>, into messages: inout [HandshakeMessage]) {
        var index = range.lowerBound
        while index < range.upperBound, state == .handshake {
            guard let length = messageLength else {
                messageHeader.append(bytes[index])
                index += 1
                if messageHeader.count == 4 { startMessage(endingAt: chunkBase + index, into: &messages) }
                continue
            }
            let end = index + min(length - messageBody.count, range.upperBound - index)
            messageBody.append(span: bytes.extracting(index..<end))
            index = end
            if messageBody.count == length { finishMessage(at: chunkBase + index, into: &messages) }
        }
    }

    mutating func startMessage(endingAt end: Int, into messages: inout [HandshakeMessage]) {
        let length = Int(messageHeader[1]) << 16 | Int(messageHeader[2]) << 8 | Int(messageHeader[3])
        guard length <= Limits.handshakeMessageSize else { return fail(.limitExceeded, at: end - 3) }
        messageLength = length
        if length == 0 { finishMessage(at: end, into: &messages) }
    }

    mutating func finishMessage(at offset: Int, into messages: inout [HandshakeMessage]) {
        guard messageCount < Self.maximumMessages else { return fail(.limitExceeded, at: offset) }
        messageCount += 1
        messages.append(HandshakeMessage(type: HandshakeType(rawValue: messageHeader[0]), body: messageBody))
        messageHeader = []
        messageBody = []
        messageLength = nil
    }
}
