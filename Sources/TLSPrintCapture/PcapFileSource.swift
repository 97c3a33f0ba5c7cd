import Glibc
import SystemPackage
import TLSPrintCore
import TLSPrintPcap

/// Reads a pcap or pcapng file, or standard input for "-", in large blocks through `CaptureFileParser`.
///
/// One reusable buffer (4 MiB by default), compacted as records are consumed: no per-packet system calls.
/// On damage it delivers every packet before it, then throws `CaptureError.corrupt` or `.truncated`.
package final class PcapFileSource: PacketSource {
    /// The path given, or "-" for standard input.
    package let path: String
    /// Bytes read from the input so far (for throughput reporting).
    package private(set) var bytesRead = 0
    /// Packets delivered so far.
    package private(set) var packetsDelivered = 0
    /// The container format, once known.
    package var format: CaptureFileParser.Format? { parser.format }

    /// Called before every read(2), which may block (a pipe whose writer is pausing): the moment to flush
    /// buffered output, so events reach a reader as soon as the input pauses, while a file read from the
    /// page cache costs one flush per buffer refill instead of one per packet.
    package var willRead: (() -> Void)?

    /// Asked before each read(2) and, while the input has nothing to read (a quiet pipe), every
    /// ``interruptionPollMilliseconds``: a signal number stops reading with `.interrupted`. The CLI answers
    /// from its blocked-signal channel, so Ctrl-C on `read -` ends the run with a summary.
    package var interruption: (() -> Int32?)?
    /// How long one wait for input lasts before ``interruption`` is asked again.
    package static let interruptionPollMilliseconds: Int32 = 100

    private let descriptor: FileDescriptor
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var pendingSkip = 0
    private var atEndOfInput = false
    private var parser = CaptureFileParser()

    /// Opens `path` ("-" is standard input).
    /// - Parameter bufferSize: read size; raised to hold the largest block the parser must see whole.
    /// - Throws: `.fileNotFound`, or `.cannotOpen` (a directory gives EISDIR).
    package init(path: String, bufferSize: Int = 4 << 20) throws(CaptureError) {
        self.path = path
        if path == "-" {
            descriptor = .standardInput
            ownsDescriptor = false
        } else {
            do {
                descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
            } catch let errno as Errno {
                if errno == .noSuchFileOrDirectory { throw .fileNotFound(path: path) }
                throw .cannotOpen(path: path, errno: errno.rawValue)
            } catch {
                throw .cannotOpen(path: path, errno: 0)
            }
            var status = stat()
            if fstat(descriptor.rawValue, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                try? descriptor.close()
                throw .cannotOpen(path: path, errno: EISDIR)
            }
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: max(bufferSize, CaptureFileParser.maximumBufferedBlock &* 2))
    }

    deinit {
        if ownsDescriptor { try? descriptor.close() }
    }

    /// Calls `body` for every remaining packet in file order; the bytes are valid only during each call.
    /// - Throws: `CaptureError` after delivering every packet before the damage or read failure.
    package func forEachPacket(_ body: (CaptureInfo, Span<UInt8>) -> Void) throws(CaptureError) {
        repeat {
            try deliverBuffered(body)
        } while try nextPacket(body)
    }

    /// Calls `body` with the next packet. Returns false at a clean end of input.
    package func nextPacket(_ body: (CaptureInfo, Span<UInt8>) -> Void) throws(CaptureError) -> Bool {
        while true {
            if pendingSkip > 0 {
                let dropped = min(pendingSkip, end &- start)
                start &+= dropped
                pendingSkip &-= dropped
                if pendingSkip > 0 {
                    guard try refill(minimum: 1) else { throw .truncated(path: path, offset: parser.offset) }
                    continue
                }
            }
            switch try parseAndDeliver(body) {
            case .packet(_, _, let consumed):
                start &+= consumed
                packetsDelivered &+= 1
                return true
            case .skipped(let consumed):
                let available = end &- start
                if consumed <= available {
                    start &+= consumed
                } else {
                    start = end
                    pendingSkip = consumed &- available
                }
            case .needMoreBytes(let minimum):
                if try refill(minimum: minimum) { continue }
                if start == end, parser.format != nil { return false }
                if parser.format == nil, end &- start < 4 { throw .notCapture(path: path, firstBytes: firstBytes) }
                throw .truncated(path: path, offset: parser.offset)
            }
        }
    }

    /// Delivers every packet that sits whole in the buffer, holding one extra reference to the buffer for the
    /// whole batch rather than one per packet; stops, consuming nothing, at the first record that needs more
    /// bytes (`nextPacket` then refills and parses it again: waiting changes no parser state).
    private func deliverBuffered(_ body: (CaptureInfo, Span<UInt8>) -> Void) throws(CaptureError) {
        guard pendingSkip == 0 else { return }
        let view = buffer
        let bytes = view.span
        while true {
            let step: CaptureFileStep
            do {
                step = try parser.next(in: bytes.extracting(start..<end))
            } catch {
                throw damage(error)
            }
            switch step {
            case .packet(let info, let range, let consumed):
                body(info, bytes.extracting((start &+ range.lowerBound)..<(start &+ range.upperBound)))
                start &+= consumed
                packetsDelivered &+= 1
            case .skipped(let consumed):
                let available = end &- start
                guard consumed > available else {
                    start &+= consumed
                    continue
                }
                start = end
                pendingSkip = consumed &- available
                return
            case .needMoreBytes:
                return
            }
        }
    }

    /// Parses at the buffer's front and hands a packet to `body`; the buffer's extra reference ends on return,
    /// so a later refill does not copy it.
    private func parseAndDeliver(_ body: (CaptureInfo, Span<UInt8>) -> Void) throws(CaptureError) -> CaptureFileStep {
        let view = buffer
        let step: CaptureFileStep
        do {
            step = try parser.next(in: view.span.extracting(start..<end))
        } catch {
            throw damage(error)
        }
        if case .packet(let info, let range, _) = step {
            body(info, view.span.extracting((start &+ range.lowerBound)..<(start &+ range.upperBound)))
        }
        return step
    }

    /// Reads until at least `minimum` unconsumed bytes are buffered; false if the input ended first.
    private func refill(minimum: Int) throws(CaptureError) -> Bool {
        if start > 0, buffer.count &- start < max(minimum, buffer.count / 2) {
            let count = end &- start
            for index in 0..<count { buffer[index] = buffer[start &+ index] }
            (start, end) = (0, count)
        }
        guard minimum <= buffer.count &- start else {
            throw .corrupt(path: path, offset: parser.offset, reason: .limitExceeded)
        }
        while end &- start < minimum {
            if atEndOfInput { return false }
            let got = try readMore()
            if got == 0 { atEndOfInput = true }
        }
        return true
    }

    /// A parse error as a capture error: before the container format is known and with a magic number
    /// neither pcap nor pcapng, the input is something else (a text file, a directory listing…).
    private func damage(_ error: ParseError) -> CaptureError {
        if parser.format == nil, end &- start >= 4 {
            let magic = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(buffer[start &+ $1]) }
            if !PcapFileHeader.isPcapMagic(magic), magic != PcapNGBlockHeader.sectionHeader {
                return .notCapture(path: path, firstBytes: firstBytes)
            }
        }
        return .corrupt(path: path, offset: error.offset, reason: error.reason)
    }

    /// At most the first 8 bytes of the input, for messages (valid while the format is unknown, when
    /// nothing has been consumed).
    private var firstBytes: [UInt8] { Array(buffer[start..<min(end, start &+ 8)]) }

    /// Waits until the input has bytes (or its end) to read, asking ``interruption`` between waits.
    private func awaitInput() throws(CaptureError) {
        guard let interruption else { return }
        while true {
            if let signal = interruption() { throw .interrupted(path: path, signal: signal) }
            var target = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
            if poll(&target, 1, Self.interruptionPollMilliseconds) != 0 { return }  // ready, or an error read reports
        }
    }

    private func readMore() throws(CaptureError) -> Int {
        willRead?()
        try awaitInput()
        let from = end
        do {
            let got = try buffer.withUnsafeMutableBytes { raw in
                try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[from...]))
            }
            end &+= got
            bytesRead &+= got
            return got
        } catch let errno as Errno {
            throw .readFailed(path: path, errno: errno.rawValue)
        } catch {
            throw .readFailed(path: path, errno: 0)
        }
    }
}
