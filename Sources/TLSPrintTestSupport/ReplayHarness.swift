import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor

/// Replays real captures with the TCP payload of every direction re-segmented, to prove that the sensor's
/// events do not depend on how the bytes were cut into segments.
///
/// SYN, SYN-ACK, bare ACK, RST, UDP and fragment frames pass through unchanged; each data segment is rebuilt
/// as Ethernet/IP/TCP pieces that keep its addresses, ports, TTL, flags, window, acknowledgment and timestamp
/// (so JA4T, JA4L and the event timestamps stay the same).
package enum ReplayHarness {
    /// Most pieces shuffled together by `.reordered` (below the sensor's pending-segment capacity of 16).
    package static let reorderWindow = 6

    /// The frames of `frames` re-segmented by `mode`.
    package static func resegment(_ frames: [ReplayFrame], mode: ReplayMode) -> [ReplayFrame] {
        guard mode != .blast else { return frames }
        var generator = SeededGenerator(seed: mode.seed)
        var output: [ReplayFrame] = []
        output.reserveCapacity(frames.count * 4)
        var window = ReorderWindow()
        var anchored: Set<String> = []
        for frame in frames {
            guard let segment = TCPDataSegment(frame) else {
                window.flush(into: &output, using: &generator)
                if let sender = TCPDataSegment.synSender(frame) { anchored.insert(sender) }
                output.append(frame)
                continue
            }
            switch mode {
            case .blast:
                output.append(frame)
            case .drip:
                output += (0..<segment.payload.count).map { segment.frame($0..<($0 + 1)) }
            case .randomSplits:
                output += randomPieces(segment.payload.count, using: &generator).map { segment.frame($0) }
            case .reordered:
                if window.key != segment.directionKey { window.flush(into: &output, using: &generator) }
                window.key = segment.directionKey
                var pieces = randomPieces(segment.payload.count, using: &generator)
                // Without a SYN the sensor anchors a direction at its first segment: that one stays first.
                if anchored.insert(segment.directionKey).inserted, let first = pieces.first {
                    window.flush(into: &output, using: &generator)
                    output.append(segment.frame(first))
                    pieces.removeFirst()
                }
                for piece in pieces {
                    window.frames.append(segment.frame(piece))
                    if window.frames.count >= reorderWindow { window.flush(into: &output, using: &generator) }
                }
            case .duplicated:
                output += duplicatedPieces(segment.payload.count, using: &generator).map { segment.frame($0) }
            }
        }
        window.flush(into: &output, using: &generator)
        return output
    }

    /// Runs `frames` through one sensor (deduplication off unless `configuration` says otherwise).
    package static func run(
        _ frames: [ReplayFrame],
        configuration: SensorConfiguration = .withoutDeduplication
    ) -> (events: [Event], counters: SensorCounters) {
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        for frame in frames {
            sensor.process(frame.info, frame: frame.bytes.span, into: &events)
        }
        sensor.finish(into: &events)
        return (events, sensor.snapshotCounters())
    }

    /// The events of the capture at `path` replayed in `mode`, deduplication off.
    package static func events(_ path: String, mode: ReplayMode) throws -> [Event] {
        run(resegment(try ReplayFrame.read(path), mode: mode)).events
    }

    /// Cuts `count` bytes into consecutive random pieces: mostly large, sometimes a few bytes, sometimes one.
    static func randomPieces(_ count: Int, using generator: inout SeededGenerator) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        while start < count {
            let largest = [1, 3, 17, 200, 1_500][Int(generator.next() % 5)]
            let size = Int.random(in: 1...max(1, min(largest, count - start)), using: &generator)
            pieces.append(start..<(start + size))
            start += size
        }
        return pieces
    }

    /// Random pieces, some sent twice in a row, some again after the next piece, some widened by a few bytes
    /// on either side so that they overlap their neighbours (the bytes are the same, as in a real retransmission).
    static func duplicatedPieces(_ count: Int, using generator: inout SeededGenerator) -> [Range<Int>] {
        var output: [Range<Int>] = []
        var delayed: Range<Int>?
        for piece in randomPieces(count, using: &generator) {
            let widen = Int(generator.next() % 8) + 1
            switch generator.next() % 6 {
            case 0: output.append(max(0, piece.lowerBound - widen)..<piece.upperBound)
            case 1: output.append(piece.lowerBound..<min(count, piece.upperBound + widen))
            case 2: output += [piece, piece]
            case 3:
                output.append(piece)
                if let earlier = delayed { output.append(earlier) }
                delayed = piece
                continue
            default: output.append(piece)
            }
            if let earlier = delayed { output.append(earlier) }
            delayed = nil
        }
        if let earlier = delayed { output.append(earlier) }
        return output
    }
}

/// Pieces of one direction held back by `.reordered` until the window fills or another packet intervenes.
private struct ReorderWindow {
    var key = ""
    var frames: [ReplayFrame] = []

    /// Emits the held pieces in a shuffled order that differs from the original whenever there are two or more.
    mutating func flush(into output: inout [ReplayFrame], using generator: inout SeededGenerator) {
        guard frames.count > 1 else {
            output += frames
            frames.removeAll()
            return
        }
        var order = Array(frames.indices)
        order.shuffle(using: &generator)
        if order == Array(frames.indices) { order.swapAt(0, order.count - 1) }
        output += order.map { frames[$0] }
        frames.removeAll()
    }
}
