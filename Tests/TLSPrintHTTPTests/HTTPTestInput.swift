import TLSPrintCore
import TLSPrintHTTP
import TLSPrintTestSupport

/// Builders and drivers shared by the HTTP tests.
enum HTTPTestInput {
    /// The bytes of `text` (ASCII test input).
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A request head from its lines, each ended by CR LF, then the empty line.
    static func head(_ lines: [String]) -> [UInt8] { bytes(lines.map { $0 + "\r\n" }.joined() + "\r\n") }

    /// What a stream made of one direction fed in the given pieces.
    struct Outcome: Equatable, CustomStringConvertible {
        var heads: [HTTPRequestHead]
        var stopReason: HTTPStopReason?
        var tunnelOffset: Int?
        /// The most bytes the stream held at once.
        var peakBuffer: Int

        var description: String {
            "\(heads.count) heads, stop \(stopReason.map(\.rawValue) ?? "none"), peak buffer \(peakBuffer)"
        }

        static func == (left: Outcome, right: Outcome) -> Bool {
            left.heads == right.heads && left.stopReason == right.stopReason && left.tunnelOffset == right.tunnelOffset
        }
    }

    /// Feeds `pieces` in order to a fresh stream.
    static func run<Pieces: Sequence>(_ pieces: Pieces) -> Outcome where Pieces.Element == ArraySlice<UInt8> {
        var stream = HTTPRequestStream()
        var heads: [HTTPRequestHead] = []
        var peak = 0
        for piece in pieces {
            heads += stream.feed(Array(piece))
            peak = max(peak, stream.bufferedBytes)
        }
        return Outcome(heads: heads, stopReason: stream.stopReason, tunnelOffset: stream.tunnelOffset, peakBuffer: peak)
    }

    /// `bytes` in one piece.
    static func whole(_ bytes: [UInt8]) -> Outcome { run([bytes[...]]) }

    /// `bytes` one byte at a time.
    static func drip(_ bytes: [UInt8]) -> Outcome { run(bytes.indices.lazy.map { bytes[$0...$0] }) }

    /// `bytes` cut at random points (1 to 64 bytes a piece), reproducibly from `seed`.
    static func randomSplits(_ bytes: [UInt8], seed: UInt64) -> Outcome {
        var generator = SeededGenerator(seed: seed)
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int.random(in: 1...64, using: &generator))
            pieces.append(bytes[start..<end])
            start = end
        }
        return run(pieces)
    }
}
