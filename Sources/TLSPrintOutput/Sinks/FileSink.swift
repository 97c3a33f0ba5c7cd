import SystemPackage
import TLSPrintEvent

/// Appends one line per event to a file opened with `O_APPEND` (created 0640 if missing).
///
/// ``reopen()`` closes and opens the path again, for log rotation on SIGHUP: the CLI's signal handler
/// only sets a flag, and the loop calls `reopen()` between batches. Owns its descriptor.
package struct FileSink: EventSink, ~Copyable {
    /// The file's path.
    package let path: FilePath
    private var buffer: LineBuffer
    private var descriptor: FileDescriptor

    /// Opens `path` for appending.
    /// - Throws: `SinkError(.open)` with the errno of `open(2)`.
    package init(path: FilePath, encoding: EventEncoding) throws(SinkError) {
        self.path = path
        self.buffer = LineBuffer(encoding: encoding)
        self.descriptor = try Self.open(path)
    }

    deinit {
        try? buffer.writePending(to: descriptor, context: path.string)
        try? descriptor.close()
    }

    /// Buffers one line; writes the buffer out when it is full.
    package mutating func write(_ event: Event) throws(SinkError) {
        if buffer.append(event) { try buffer.drain(to: descriptor, context: path.string) }
    }

    /// Writes all buffered lines.
    package mutating func flush() throws(SinkError) {
        try buffer.drain(to: descriptor, context: path.string)
    }

    /// Flushes, closes and reopens the path (the old file may have been renamed away).
    /// - Throws: the flush's or open's `SinkError`; on an open failure the old descriptor stays in use.
    package mutating func reopen() throws(SinkError) {
        try flush()
        let fresh = try Self.open(path)
        try? descriptor.close()
        descriptor = fresh
    }

    private static func open(_ path: FilePath) throws(SinkError) -> FileDescriptor {
        do {
            return try FileDescriptor.open(
                path,
                .writeOnly,
                options: [.append, .create, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead]
            )
        } catch {
            throw SinkError(.open, errno: (error as? Errno)?.rawValue ?? 0, context: path.string)
        }
    }
}
