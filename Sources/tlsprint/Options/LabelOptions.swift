import ArgumentParser
import Foundation
import Glibc
import TLSPrintLabels

/// `--labels`: which label lists events are compared with. Loaded once at start; a list that cannot be used
/// stops the run before any packet is read.
enum LabelLoading {
    /// The value that turns the embedded default set off.
    static let none = "none"

    /// The lists named by `--labels` (or, without the flag, `TLSPRINT_LABELS`, comma-separated): the embedded
    /// Salesforce set first unless `none` is among them, then each file in the order given. Rows of the wrong
    /// shape are reported on stderr and counted, one summary line per file that had any.
    /// - Throws: `ExitCode` 66 when a file is missing, unreadable or a directory, 65 when its content is not a
    ///   label list (not CSV text, a quote left open, no recognisable columns), after one line on stderr.
    static func index(flags: [String], environment: [String: String]) throws -> LabelIndex {
        let names = flags.isEmpty ? Environment.list("TLSPRINT_LABELS", in: environment) : flags
        var index = names.contains(none) ? LabelIndex() : LabelIndex.embedded
        for path in names where path != none {
            let bytes: [UInt8]
            do { bytes = try readFile(path) } catch {
                StandardError.line("tlsprint: labels \(path): \(error.message)")
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
            let list: LabelList
            do throws(LabelListError) {
                list = try LabelList(name: listName(path), bytes: bytes)
            } catch {
                StandardError.line("tlsprint: labels \(path): \(error)")
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
            for warning in list.warnings { StandardError.line("tlsprint: labels \(path): \(warning)") }
            if !list.warnings.isEmpty {
                StandardError.line(
                    "tlsprint: labels \(path): \(list.warnings.count) of \(list.warnings.count + list.rows.count) "
                        + "rows left out (wrong shape), \(list.rows.count) used"
                )
            }
            index.add(list)
        }
        return index
    }

    /// The name labels show: the file's base name without its extension (`foxio-ja4plus-mapping`).
    static func listName(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    struct ReadError: Error {
        var message: String
    }

    /// `strerror` in lower case, as the other file errors say it.
    private static func cause(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// The whole file, at most `CSVReader.maximumBytes` + 1 bytes (the reader refuses larger ones).
    static func readFile(_ path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(message: cause(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadError(message: cause(errno)) }
        if status.st_mode & S_IFMT == S_IFDIR { throw ReadError(message: "is a directory, not a label list") }
        let limit = CSVReader.maximumBytes + 1
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: cause(errno))
            }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }
}
