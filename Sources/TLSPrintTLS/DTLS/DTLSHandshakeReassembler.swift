import TLSPrintCore

/// Reassembles the plaintext handshake messages of one direction of a DTLS flow from its UDP datagrams.
///
/// Handshake fragments (epoch 0 only: later epochs are encrypted) are joined by offset, in any order and
/// with duplicates or overlaps, and each complete message is yielded once, in message_seq order.
/// Retransmissions repeat a message_seq already yielded and are ignored; a ClientHello sent again after a
/// HelloVerifyRequest or HelloRetryRequest has the next message_seq and is yielded as a message of its own.
/// Every handshake starts at message_seq 0 (RFC 6347 §4.2.2), so that is expected first; a capture that
/// missed the start yields the messages it has through `flush()`. Memory is bounded by the caps given at
/// initialisation.
package struct DTLSHandshakeReassembler: Sendable {
    /// Fragments that the reassembler gave up on, by cause.
    package struct Drops: Hashable, Sendable {
        /// Messages declaring a length over `Limits.handshakeMessageSize`: abandoned at once.
        package var oversizeMessages = 0
        /// Messages abandoned for needing more fragments or buffer space than the caps allow.
        package var capacityExceeded = 0
        /// Fragments whose type or length disagree with earlier fragments of their message_seq.
        package var inconsistentFragments = 0
        /// Fragments of a message_seq too far ahead of the next expected one.
        package var outOfWindow = 0
    }

    /// How far past the next expected message_seq fragments are buffered.
    package static let sequenceWindow = 16
    /// The most handshake fragments read from one datagram; more throws `.limitExceeded`.
    package static let maximumFragmentsPerDatagram = 256

    /// The most fragments kept for one message.
    package let maximumFragmentsPerMessage: Int
    /// The most body bytes buffered across all incomplete messages.
    package let maximumBufferedBytes: Int
    /// What was given up so far (for the sensor's counters).
    package private(set) var drops = Drops()

    private var pending: [DTLSPartialMessage] = []
    private var nextSequence = 0
    package private(set) var bufferedBytes = 0

    /// A reassembler with the given caps.
    package init(maximumFragmentsPerMessage: Int = 64, maximumBufferedBytes: Int = 2 * Limits.handshakeMessageSize) {
        self.maximumFragmentsPerMessage = maximumFragmentsPerMessage
        self.maximumBufferedBytes = maximumBufferedBytes
    }

    /// Reads one UDP datagram of this direction and returns the messages it completed, in message_seq order.
    ///
    /// The datagram is parsed whole before any fragment is used: when it throws, nothing was taken from it.
    /// - Throws: what `DTLSDatagram` throws; `.truncated` or `.invalidValue` for a handshake fragment that
    ///   does not fit its record; `.limitExceeded` past `maximumFragmentsPerDatagram`.
    package mutating func feed(datagram: Span<UInt8>) throws(ParseError) -> [DTLSHandshakeMessage] {
        let walked = try DTLSDatagram(parsing: datagram)
        var fragments: [(header: DTLSHandshakeHeader, version: ProtocolVersion, bytes: [UInt8])] = []
        for record in walked.records
        where record.header.contentType == DTLSRecordHeader.handshake && record.header.epoch == 0 {
            var reader = ByteReader(datagram.extracting(record.body), base: record.body.lowerBound)
            while !reader.isAtEnd {
                guard fragments.count < Self.maximumFragmentsPerDatagram else {
                    throw ParseError(.limitExceeded, at: reader.offset)
                }
                let header = try DTLSHandshakeHeader(parsing: &reader)
                let bytes = try reader.readBytes(header.fragmentLength)
                fragments.append((header, record.header.version, bytes))
            }
        }
        for fragment in fragments { accept(fragment.header, version: fragment.version, bytes: fragment.bytes) }
        return yieldReady()
    }

    private mutating func accept(_ header: DTLSHandshakeHeader, version: ProtocolVersion, bytes: [UInt8]) {
        let sequence = Int(header.messageSequence)
        guard sequence >= nextSequence else { return }  // a retransmission of a message already yielded
        guard sequence < nextSequence + Self.sequenceWindow else {
            drops.outOfWindow += 1
            return
        }
        guard let index = partialIndex(for: header, version: version) else { return }
        guard !pending[index].isAbandoned else { return }
        let available = maximumBufferedBytes - bufferedBytes
        guard bytes.count <= available else {
            abandon(at: index)
            return
        }
        switch pending[index].add(header, bytes: bytes, maximumFragments: maximumFragmentsPerMessage) {
        case .stored(let count): bufferedBytes += count
        case .duplicate: break
        case .inconsistent: drops.inconsistentFragments += 1
        case .tooManyFragments: abandon(at: index)
        }
    }

    /// The pending entry for the fragment's message_seq, created when new; nil when none can be made.
    private mutating func partialIndex(for header: DTLSHandshakeHeader, version: ProtocolVersion) -> Int? {
        if let index = pending.firstIndex(where: { $0.sequence == header.messageSequence }) { return index }
        guard pending.count < 2 * Self.sequenceWindow else {
            drops.capacityExceeded += 1
            return nil
        }
        pending.append(DTLSPartialMessage(header: header, recordVersion: version))
        let index = pending.count - 1
        if header.length > Limits.handshakeMessageSize {
            drops.oversizeMessages += 1
            pending[index].abandon()
        }
        return index
    }

    private mutating func abandon(at index: Int) {
        drops.capacityExceeded += 1
        bufferedBytes -= pending[index].bufferedBytes
        pending[index].abandon()
    }

    /// Yields the complete messages still waiting behind a gap (a message_seq never fully seen, as when the
    /// capture began mid-handshake), in message_seq order, and moves past them. For the end of a flow.
    package mutating func flush() -> [DTLSHandshakeMessage] {
        var ready: [DTLSHandshakeMessage] = []
        for partial in pending.sorted(by: { $0.sequence < $1.sequence }) where partial.isComplete {
            ready.append(Self.message(from: partial))
            nextSequence = Int(partial.sequence) + 1
        }
        pending.removeAll { Int($0.sequence) < nextSequence }
        bufferedBytes = pending.reduce(0) { $0 + $1.bufferedBytes }
        return ready + yieldReady()
    }

    /// Removes and returns the complete messages from the next expected message_seq on, skipping
    /// abandoned ones.
    private mutating func yieldReady() -> [DTLSHandshakeMessage] {
        var ready: [DTLSHandshakeMessage] = []
        while let index = pending.firstIndex(where: { Int($0.sequence) == nextSequence }) {
            let partial = pending[index]
            guard partial.isComplete || partial.isAbandoned else { break }
            pending.remove(at: index)
            nextSequence += 1
            guard !partial.isAbandoned else { continue }
            bufferedBytes -= partial.bufferedBytes
            ready.append(Self.message(from: partial))
        }
        return ready
    }

    private static func message(from partial: DTLSPartialMessage) -> DTLSHandshakeMessage {
        DTLSHandshakeMessage(
            message: HandshakeMessage(type: partial.type, body: partial.assembled()),
            messageSequence: partial.sequence,
            recordVersion: partial.recordVersion,
            fragmentCount: partial.fragments.count
        )
    }
}
