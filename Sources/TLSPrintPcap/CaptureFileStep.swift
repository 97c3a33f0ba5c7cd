import TLSPrintCore

/// What `CaptureFileParser.next(in:)` did with the front of the caller's buffer.
package enum CaptureFileStep: Hashable, Sendable {
    /// A packet: its metadata, where its bytes sit in the buffer, and how many bytes the record used.
    ///
    /// The caller drops `consumed` bytes from the front of the buffer after it has used the packet bytes.
    case packet(CaptureInfo, Range<Int>, consumed: Int)
    /// A header or block with no packet in it. `consumed` may exceed the buffer's length for a large
    /// skipped block: the caller then discards the extra bytes as they arrive.
    case skipped(consumed: Int)
    /// The buffer does not yet hold the next record: refill it so that it holds at least `minimum` bytes.
    ///
    /// At end of input this means the file is truncated.
    case needMoreBytes(minimum: Int)
}
