import Foundation
import TLSPrintTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tcpdump -U -w - | tlsprint read -`: events come out as their packets arrive, while the writer keeps the
/// pipe open, not when it closes. The binary reads a pipe that this test writes the first handshake of
/// `sample.pcap` into, record by record, and must print each event line within a second of its packet.
@Suite struct PipeDeliveryTests {
    /// The longest wait for a line after its packet was written.
    static let deadline: Duration = .seconds(1)

    /// A classic pcap file (little-endian, microseconds) cut into its file header and its records.
    static func records(_ file: [UInt8]) throws -> (header: [UInt8], records: [[UInt8]]) {
        try #require(file.starts(with: [0xD4, 0xC3, 0xB2, 0xA1]), "a little-endian microsecond pcap")
        var records: [[UInt8]] = []
        var offset = 24
        while offset + 16 <= file.count {
            let length = (8..<12).reduce(0) { $0 | Int(file[offset + $1]) << (8 * ($1 - 8)) }
            let end = offset + 16 + length
            try #require(end <= file.count)
            records.append(Array(file[offset..<end]))
            offset = end
        }
        return (Array(file[0..<24]), records)
    }

    /// Bytes written into the pipe and not read yet (FIONREAD answers for either end of a pipe).
    static func unread(_ descriptor: Int32) -> Int32 {
        #if canImport(Darwin)
            let request: UInt = 0x4004_667F  // FIONREAD, _IOR('f', 127, int): a macro Swift does not import there
        #else
            let request = UInt(FIONREAD)
        #endif
        var count: Int32 = 0
        _ = ioctl(descriptor, request, &count)
        return count
    }

    @Test func eventLinesArriveWhileThePipeStaysOpen() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        signal(SIGPIPE, SIG_IGN)  // a dead child makes a write fail instead of ending the test run
        let file = Array(try Data(contentsOf: Fixture.url("captures/sample.pcap")))
        let (header, records) = try Self.records(file)
        // The first handshake: SYN, SYN-ACK, ACK | ClientHello | ACK, ServerHello…ServerHelloDone, ACK.
        let steps = [header + records[0..<3].joined(), Array(records[3]), Array(records[4..<7].joined())]
        // What the landed binary printed for them: tls_client_hello; tls_session and tls_certificate.
        let recorded = try GoldenRecord.jsonLines(capture: "sample.pcap")
        let expected = [[], [recorded[0]], [recorded[1], recorded[2]]]

        let process = Process()
        process.executableURL = binary
        process.arguments = ["read", "--format", "json", "--dedup-ttl", "0", "--node-name", "golden", "--quiet", "-"]
        var environment = ProcessInfo.processInfo.environment
        for name in ["NODE_NAME", "DEDUP_TTL", "TLSPRINT_MAX_FLOWS", "TLSPRINT_FLOW_TIMEOUT", "TLSPRINT_MEMCAP"] {
            environment[name] = nil
        }
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var reader = LineReader(descriptor: output.fileHandleForReading.fileDescriptor)

        for (step, lines) in zip(steps, expected) {
            try input.fileHandleForWriting.write(contentsOf: Data(step))
            if lines.isEmpty {
                // No event yet: wait until the binary has read these bytes, so its start-up is not timed below.
                let started = ContinuousClock.now
                var early: [String] = []
                while Self.unread(input.fileHandleForWriting.fileDescriptor) > 0, process.isRunning,
                    ContinuousClock.now - started < .seconds(30)
                {
                    early += try reader.lines(within: .milliseconds(10))
                }
                try #require(Self.unread(input.fileHandleForWriting.fileDescriptor) == 0, "tlsprint never read")
                #expect(early == [])
                continue
            }
            let got = try reader.lines(within: Self.deadline, until: lines.count)
                // The record predates the fields added since (community_id, a certificate's ja3/ja4).
                .map { GoldenRecord.withoutAddedFields($0, json: true) }
            #expect(got == lines, "within \(Self.deadline) of the packet, with the pipe still open")
            #expect(process.isRunning)
        }

        try input.fileHandleForWriting.close()
        let closed = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - closed < .seconds(30) { usleep(10_000) }
        #expect(!process.isRunning, "tlsprint did not end at the end of its input")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rest = try reader.lines(within: .seconds(1))
        #expect(rest == [], "nothing more at the end: the open flow held nothing")
    }
}

/// Complete lines read from a descriptor as they arrive, with a time limit (poll(2)).
private struct LineReader {
    let descriptor: Int32
    var pending: [UInt8] = []
    var atEnd = false

    /// The lines that arrive within `limit`, returning early once `count` arrived or the writer closed.
    mutating func lines(within limit: Duration, until count: Int = .max) throws -> [String] {
        var lines: [String] = []
        let start = ContinuousClock.now
        while lines.count < count, !atEnd {
            let left = limit - (ContinuousClock.now - start)
            guard left > .zero else { break }
            var target = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&target, 1, Int32(max(1, (left / .milliseconds(1)).rounded(.up)))) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let got = read(descriptor, &chunk, chunk.count)
            try #require(got >= 0, "read(2) failed: errno \(errno)")
            if got == 0 { atEnd = true }
            pending += chunk[0..<got]
            while let newline = pending.firstIndex(of: 0x0A) {
                lines.append(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        return lines
    }
}
