import Foundation
import TLSPrintCore
import TLSPrintPcap

/// One captured frame held in memory: its capture metadata and its bytes.
package struct ReplayFrame: Hashable, Sendable {
    /// Timestamp, lengths and link type as the capture recorded them.
    package var info: CaptureInfo
    /// The frame from its link-layer header on.
    package var bytes: [UInt8]

    /// A frame with lengths taken from `bytes`.
    package init(timestamp: CaptureTimestamp, linkType: LinkType, bytes: [UInt8]) {
        info = CaptureInfo(
            timestamp: timestamp,
            capturedLength: bytes.count,
            originalLength: bytes.count,
            linkType: linkType
        )
        self.bytes = bytes
    }

    /// A frame as read from a capture.
    package init(info: CaptureInfo, bytes: [UInt8]) {
        self.info = info
        self.bytes = bytes
    }
}

/// Why a capture could not be read into memory.
package enum ReplayError: Error, Hashable, Sendable {
    /// The capture file is damaged.
    case corrupt(ParseError)
    /// The capture ends inside a record.
    case truncated(offset: Int)
}

extension ReplayFrame {
    /// Every frame of the pcap or pcapng file at `path`, in file order (read with `CaptureFileParser`).
    package static func read(_ path: String) throws -> [ReplayFrame] {
        try parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Every frame of the capture file in `file`.
    package static func parse(_ file: [UInt8]) throws(ReplayError) -> [ReplayFrame] {
        var parser = CaptureFileParser()
        var frames: [ReplayFrame] = []
        var position = 0
        while position < file.count {
            let step: CaptureFileStep
            do {
                step = try parser.next(in: file.span.extracting(position..<file.count))
            } catch {
                throw .corrupt(error)
            }
            switch step {
            case .packet(let info, let range, let consumed):
                let start = position + range.lowerBound
                frames.append(ReplayFrame(info: info, bytes: Array(file[start..<(position + range.upperBound)])))
                position += consumed
            case .skipped(let consumed):
                position += consumed
            case .needMoreBytes:
                throw .truncated(offset: position)
            }
        }
        return frames
    }
}
