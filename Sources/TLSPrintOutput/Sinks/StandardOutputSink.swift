import SystemPackage
import TLSPrintEvent

/// Writes one line per event to standard output (or another descriptor it does not own).
///
/// Lines are buffered and written whole; call ``flush()`` after each batch, because nothing else
/// pushes a partly filled buffer out. A closed pipe gives `SinkError(.write, errno: EPIPE)` once the
/// CLI ignores SIGPIPE.
package struct StandardOutputSink: EventSink, ~Copyable {
    private var buffer: LineBuffer
    private let descriptor: FileDescriptor

    /// A sink writing `encoding` lines to `descriptor` (default: standard output, never closed here).
    package init(encoding: EventEncoding, descriptor: FileDescriptor = .standardOutput) {
        self.buffer = LineBuffer(encoding: encoding)
        self.descriptor = descriptor
    }

    /// Buffers one line; writes the buffer out when it is full.
    package mutating func write(_ event: Event) throws(SinkError) {
        if buffer.append(event) { try buffer.drain(to: descriptor, context: "standard output") }
    }

    /// Writes all buffered lines.
    package mutating func flush() throws(SinkError) {
        try buffer.drain(to: descriptor, context: "standard output")
    }
}
