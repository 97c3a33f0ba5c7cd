import Glibc
import TLSPrintCore

/// Why a capture source failed; carries errno or the byte offset of the damage.
package enum CaptureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be opened or is not a file that can be read, e.g. EACCES or EISDIR.
    case cannotOpen(path: String, errno: Int32)
    /// A read failed with errno.
    case readFailed(path: String, errno: Int32)
    /// The input does not start like a pcap or pcapng file; `firstBytes` holds at most its first 8 bytes
    /// (none: the input is empty).
    case notCapture(path: String, firstBytes: [UInt8])
    /// The capture is damaged at `offset`. Packets before it were delivered.
    case corrupt(path: String, offset: Int, reason: ParseError.Reason)
    /// The input ended in the middle of a header or record at `offset`.
    case truncated(path: String, offset: Int)
    /// Reading stopped because `signal` (SIGINT or SIGTERM) arrived; packets before it were delivered.
    case interrupted(path: String, signal: Int32)
    /// A BPF filter for `read` does not compile; `message` is libpcap's.
    case filter(expression: String, message: String)
    /// A libpcap call failed; `message` is libpcap's error text.
    case live(interface: String, operation: String, message: String, permissionDenied: Bool)

    /// One line for stderr, naming the file or interface and the cause in words.
    package var description: String {
        switch self {
        case .fileNotFound(let path): return "\(path): no such file or directory"
        case .cannotOpen(let path, let errno) where errno == EISDIR:
            return "\(path): is a directory, not a capture file"
        case .cannotOpen(let path, let errno): return "\(path): cannot open: \(Self.words(errno))"
        case .readFailed(let path, let errno): return "\(path): read failed: \(Self.words(errno))"
        case .notCapture(let path, let bytes) where bytes.isEmpty: return "\(path): empty, not a pcap or pcapng file"
        case .notCapture(let path, let bytes):
            return "\(path): not a pcap or pcapng file (starts with \(Self.quoted(bytes)))"
        case .corrupt(let path, let offset, let reason):
            return "\(path): corrupt capture at byte \(offset): \(reason.rawValue)"
        case .truncated(let path, let offset): return "\(path): capture truncated at byte \(offset)"
        case .interrupted(let path, let signal):
            return "\(path): stopped by \(signal == SIGTERM ? "SIGTERM" : "SIGINT")"
        case .filter(let expression, let message): return "filter '\(expression)': \(message)"
        case .live(let interface, let operation, let message, _): return "\(interface): \(operation) failed: \(message)"
        }
    }

    /// `strerror` in lower case ("permission denied"), or "unknown error" for 0.
    static func words(_ errno: Int32) -> String {
        guard errno != 0 else { return "unknown error" }
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// `bytes` in double quotes, printable ASCII as is and anything else (quotes and backslashes too) as
    /// `\xNN`, so a binary or hostile file cannot write control sequences to a terminal.
    static func quoted(_ bytes: [UInt8]) -> String {
        var text = "\""
        for byte in bytes {
            if (0x20...0x7E).contains(byte), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return text + "\""
    }
}
