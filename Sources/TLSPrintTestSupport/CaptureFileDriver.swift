import TLSPrintCore
import TLSPrintPcap

/// One packet the parser delivered, copied out.
package struct ParsedPacket: Equatable {
    package var info: CaptureInfo
    package var bytes: [UInt8]
}

/// Outcome of driving `CaptureFileParser` over a whole input delivered in chunks.
package struct DriveResult {
    package var packets: [ParsedPacket] = []
    /// The error thrown, if any.
    package var error: ParseError?
    /// True when input ended in the middle of a record (the parser still wanted bytes).
    package var truncated = false
}

/// Feeds `input` to a fresh parser `chunk` bytes at a time, as a pipe would, and collects what it yields.
package func drive(_ input: [UInt8], chunk: Int = 1 << 20) -> DriveResult {
    var parser = CaptureFileParser()
    var result = DriveResult()
    var buffer: [UInt8] = []
    var next = 0
    var skip = 0
    while true {
        if skip > 0 {
            let dropped = min(skip, buffer.count)
            buffer.removeFirst(dropped)
            skip -= dropped
        }
        let step: CaptureFileStep
        do {
            step = try parser.next(in: buffer.span)
        } catch {
            result.error = error
            return result
        }
        switch step {
        case .packet(let info, let range, let consumed):
            result.packets.append(ParsedPacket(info: info, bytes: Array(buffer[range])))
            buffer.removeFirst(consumed)
        case .skipped(let consumed):
            if consumed <= buffer.count {
                buffer.removeFirst(consumed)
            } else {
                skip = consumed - buffer.count; buffer = []
            }
        case .needMoreBytes:
            guard next < input.count else {
                result.truncated = !buffer.isEmpty || skip > 0 || parser.format == nil
                return result
            }
            let upper = min(input.count, next + chunk)
            buffer += input[next..<upper]
            next = upper
        }
    }
}
