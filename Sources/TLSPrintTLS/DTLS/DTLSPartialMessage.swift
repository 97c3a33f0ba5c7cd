/// The fragments received so far of one DTLS handshake message (one message_seq).
///
/// Fragments are kept as received (at most `maximumFragments` of them, each one adding body bytes not yet
/// covered) and joined only once they cover the whole body, so memory follows the bytes received, never
/// the length a header declares.
struct DTLSPartialMessage: Sendable {
    /// One received fragment.
    struct Fragment: Sendable {
        var offset: Int
        var bytes: [UInt8]
        var end: Int { offset + bytes.count }
    }

    /// What `add` did with a fragment.
    enum AddResult: Equatable {
        /// Stored; `bytes` were added to the buffer.
        case stored(bytes: Int)
        /// Nothing new (a retransmission or an overlap already covered).
        case duplicate
        /// Its type or total length disagree with the first fragment.
        case inconsistent
        /// The message already holds `maximumFragments` fragments.
        case tooManyFragments
    }

    let sequence: UInt16
    let type: HandshakeType
    let length: Int
    let recordVersion: ProtocolVersion
    private(set) var fragments: [Fragment] = []
    /// The covered body ranges, sorted and merged.
    private var covered: [Range<Int>] = []
    /// Set once the message was given up (too large, too many fragments, out of buffer space): later
    /// fragments of it are ignored and it yields nothing.
    private(set) var isAbandoned = false

    init(header: DTLSHandshakeHeader, recordVersion: ProtocolVersion) {
        sequence = header.messageSequence
        type = header.type
        length = header.length
        self.recordVersion = recordVersion
    }

    /// The bytes held.
    var bufferedBytes: Int { fragments.reduce(0) { $0 + $1.bytes.count } }
    /// True once every body byte has arrived (a zero-length message: once any fragment has).
    var isComplete: Bool {
        !isAbandoned && !fragments.isEmpty && (length == 0 || covered == [0..<length])
    }

    /// Drops the buffered bytes and ignores the message from now on.
    mutating func abandon() {
        isAbandoned = true
        fragments = []
        covered = []
    }

    /// Adds one fragment; `header` must have the same message_seq.
    mutating func add(_ header: DTLSHandshakeHeader, bytes: [UInt8], maximumFragments: Int) -> AddResult {
        guard header.type == type, header.length == length else { return .inconsistent }
        let range = header.fragmentRange
        let isNew = fragments.isEmpty || (!range.isEmpty && !covered.contains { $0.contains(range) })
        guard isNew else { return .duplicate }
        guard fragments.count < maximumFragments else { return .tooManyFragments }
        fragments.append(Fragment(offset: header.fragmentOffset, bytes: bytes))
        cover(range)
        return .stored(bytes: bytes.count)
    }

    /// The whole body; call only when `isComplete`. Where fragments overlap, the one starting first
    /// (the first received, among equal starts) supplies the bytes.
    func assembled() -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(length)
        let ordered = fragments.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
        for (_, fragment) in ordered where fragment.end > body.count && fragment.offset <= body.count {
            body.append(contentsOf: fragment.bytes.dropFirst(body.count - fragment.offset))
        }
        return body
    }

    private mutating func cover(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var merged = range
        var kept: [Range<Int>] = []
        kept.reserveCapacity(covered.count + 1)
        for existing in covered {
            if existing.upperBound < merged.lowerBound || existing.lowerBound > merged.upperBound {
                kept.append(existing)
            } else {
                merged = min(existing.lowerBound, merged.lowerBound)..<max(existing.upperBound, merged.upperBound)
            }
        }
        kept.append(merged)
        covered = kept.sorted { $0.lowerBound < $1.lowerBound }
    }
}
