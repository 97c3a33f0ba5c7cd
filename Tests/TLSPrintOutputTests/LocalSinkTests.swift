import Foundation
import SystemPackage
import TLSPrintEvent
import TLSPrintSensor
import Testing

@testable import TLSPrintOutput

@Suite struct LocalSinkTests {
    let json = OutputFormat.json.encoder(identity: SampleEvents.identity)

    static func temporaryPath(_ name: String) -> FilePath {
        FilePath(
            FileManager.default.temporaryDirectory.path
                + "/tlsprint-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        )
    }

    static func contents(_ path: FilePath) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path.string) ?? Data())
    }

    @Test func standardOutputSinkWritesWholeLinesOnFlush() throws {
        let pipe = try FileDescriptor.pipe()
        defer {
            try? pipe.readEnd.close()
            try? pipe.writeEnd.close()
        }
        var sink = StandardOutputSink(encoding: json, descriptor: pipe.writeEnd)
        try sink.write(SampleEvents.clientHello)
        try sink.write(SampleEvents.session)
        try sink.flush()
        let expected = json.line(SampleEvents.clientHello) + json.line(SampleEvents.session)
        var buffer = [UInt8](repeating: 0, count: expected.count + 100)
        let count = try buffer.withUnsafeMutableBytes { try pipe.readEnd.read(into: $0) }
        #expect(Array(buffer.prefix(count)) == expected)
    }

    @Test func writingToAClosedPipeReportsEPIPE() throws {
        signal(SIGPIPE, SIG_IGN)
        let pipe = try FileDescriptor.pipe()
        try pipe.readEnd.close()
        defer { try? pipe.writeEnd.close() }
        var sink = StandardOutputSink(encoding: json, descriptor: pipe.writeEnd)
        try sink.write(SampleEvents.stats)
        #expect(throws: SinkError(.write, errno: EPIPE, context: "standard output")) { try sink.flush() }
    }

    @Test func fileSinkAppendsAndReopensAfterRotation() throws {
        let path = Self.temporaryPath("file")
        let rotated = FilePath(path.string + ".1")
        defer {
            _ = try? FileManager.default.removeItem(atPath: path.string)
            _ = try? FileManager.default.removeItem(atPath: rotated.string)
        }
        try Data("existing\n".utf8).write(to: URL(fileURLWithPath: path.string))
        var sink = try FileSink(path: path, encoding: json)
        try sink.write(SampleEvents.startup)
        try sink.flush()
        #expect(Self.contents(path) == Array("existing\n".utf8) + json.line(SampleEvents.startup))
        try FileManager.default.moveItem(atPath: path.string, toPath: rotated.string)
        try sink.write(SampleEvents.stats)
        try sink.reopen()  // flushes into the renamed file, then opens a fresh one
        try sink.write(SampleEvents.session)
        try sink.flush()
        #expect(
            Self.contents(rotated) == Array("existing\n".utf8) + json.line(SampleEvents.startup)
                + json.line(SampleEvents.stats)
        )
        #expect(Self.contents(path) == json.line(SampleEvents.session))
    }

    @Test func fileSinkOpenErrorCarriesErrno() {
        #expect(throws: SinkError(.open, errno: ENOENT, context: "/nonexistent-dir/x.log")) {
            _ = try FileSink(path: "/nonexistent-dir/x.log", encoding: json)
        }
    }

    @Test func outputSinkDispatchesToAFile() throws {
        let path = Self.temporaryPath("dispatch")
        defer { _ = try? FileManager.default.removeItem(atPath: path.string) }
        let destination = try OutputDestination(parsing: "json@file:" + path.string)
        var sink = try OutputSink(destination: destination, defaultFormat: .syslog, identity: SampleEvents.identity)
        try sink.write(SampleEvents.stats)
        try sink.reopen()
        _ = try sink.finish(timeout: 1)
        #expect(Self.contents(path) == json.line(SampleEvents.stats))
        #expect(sink.droppedCount == 0)
    }

    /// The error names the option and the file and gives the cause in words (swift-nio-ssl's own error does
    /// neither).
    @Test func tlsWithAMissingCAFileIsALoadErrorNamingTheFile() throws {
        var destination = try OutputDestination(parsing: "tls://collector.example:6514")
        destination.tlsOptions = TLSClientOptions(caFile: "/nonexistent/ca.pem")
        #expect(throws: SinkError(.load, errno: ENOENT, context: "--tls-ca /nonexistent/ca.pem")) {
            _ = try OutputSink(destination: destination, defaultFormat: .syslog, identity: SampleEvents.identity)
        }
        #expect(
            "\(SinkError(.load, errno: ENOENT, context: "--tls-ca /nonexistent/ca.pem"))"
                == "--tls-ca /nonexistent/ca.pem: no such file or directory"
        )
    }

    @Test func pythonCheckerRejectsBrokenJSON() throws {
        guard let result = try PythonJSON.parses(Array("{\"a\":1}\n{\"a\":\n".utf8)) else { return }
        #expect(!result.ok)
    }
}
