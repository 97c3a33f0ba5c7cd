import Foundation
import TLSPrintCapture
import TLSPrintCore
import TLSPrintTestSupport
import Testing

@Suite struct PcapFileSourceTests {
    /// Writes `bytes` to a fresh temporary file and returns its path.
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "tlsprint-capture-\(UInt64.random(in: 0...UInt64.max)).pcap"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func readAll(_ path: String, bufferSize: Int = 4 << 20) throws(CaptureError) -> (Int, [Int]) {
        let source = try PcapFileSource(path: path, bufferSize: bufferSize)
        var lengths: [Int] = []
        try source.forEachPacket { info, bytes in
            #expect(bytes.count == info.capturedLength)
            lengths.append(bytes.count)
        }
        #expect(source.bytesRead > 0)
        return (source.packetsDelivered, lengths)
    }

    /// `tshark -r http2-with-cookies.pcapng | wc -l` gives 1607; `tls3.pcapng` gives 1189.
    @Test(arguments: [("foxio/pcap/http2-with-cookies.pcapng", 1607), ("foxio/pcap/tls3.pcapng", 1189)])
    func readsCorpusFile(path: String, count: Int) throws {
        guard Corpus.isPresent else {
            print("skipping: corpus not found at \(Corpus.rootPath) (set TLSPRINT_SHARED)")
            return
        }
        let (delivered, lengths) = try readAll(Corpus.root.appendingPathComponent(path).path)
        #expect(delivered == count)
        #expect(lengths.count == count)
    }

    @Test func missingFileIsDistinct() {
        #expect(throws: CaptureError.fileNotFound(path: "/nonexistent/x.pcap")) {
            _ = try PcapFileSource(path: "/nonexistent/x.pcap")
        }
    }

    @Test func truncatedFileDeliversEveryWholePacketThenThrows() throws {
        guard let bytes = Corpus.bytes("foxio/pcap/v6.pcap") else { return }
        let cut = Array(bytes.prefix(bytes.count - 10))
        let path = try temporaryFile(cut)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try PcapFileSource(path: path)
        var delivered = 0
        do {
            try source.forEachPacket { _, _ in delivered += 1 }
            Issue.record("expected an error")
        } catch {
            guard case .truncated(_, let offset) = error else { Issue.record("got \(error)"); return }
            #expect(offset < cut.count)
        }
        #expect(delivered == 160)  // `tshark -r v6.pcap | wc -l` gives 161; the last one is cut
    }

    @Test func corruptRecordReportsItsOffset() throws {
        guard let bytes = Corpus.bytes("foxio/pcap/v6.pcap") else { return }
        var damaged = bytes
        // First record header at 24; its captured length (little-endian) at 32. Make the second record huge.
        let second = 24 + 16 + Int(bytes[32]) + Int(bytes[33]) << 8
        damaged[second + 8..<second + 12] = [0xFF, 0xFF, 0xFF, 0x7F]
        let path = try temporaryFile(damaged)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try PcapFileSource(path: path)
        var delivered = 0
        #expect(throws: CaptureError.corrupt(path: path, offset: second + 8, reason: .limitExceeded)) {
            try source.forEachPacket { _, _ in delivered += 1 }
        }
        #expect(delivered == 1)
    }

    @Test func tinyRequestedBufferIsRaisedToTheBlockCap() throws {
        guard Corpus.isPresent else { return }
        let path = Corpus.root.appendingPathComponent("foxio/pcap/tls-sni.pcapng").path
        #expect(try readAll(path, bufferSize: 1).0 == 84)
    }
}
