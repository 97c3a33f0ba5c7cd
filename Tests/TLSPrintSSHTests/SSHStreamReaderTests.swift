import TLSPrintCore
import TLSPrintSSH
import TLSPrintTestSupport
import Testing

/// What a reader yielded and how it ended, for comparing segmentations.
struct ReaderOutcome: Equatable {
    var yields: [SSHStreamReader.Yield] = []
    var isFinished = false
    var stopReason: SSHStreamReader.StopReason?

    /// Feeds `chunks` in order to a fresh reader for `role`.
    init(_ chunks: [[UInt8]], role: SSHStreamReader.Role) {
        var reader = SSHStreamReader(role: role)
        for chunk in chunks { yields += reader.feed(chunk) }
        isFinished = reader.isFinished
        stopReason = reader.stopReason
        #expect(reader.bufferedBytes <= 4 + SSHBinaryPacket.maximumPacketLength)
    }
}

@Suite struct SSHStreamReaderTests {
    static let fixtures = StreamFixture.ssh

    @Test func fixturesArePresent() {
        #expect(Self.fixtures.count >= 5)
    }

    @Test(arguments: fixtures)
    func readsBothDirectionsOfRealStreams(fixture: StreamFixture) throws {
        for (bytes, role, key) in [
            (fixture.client, SSHStreamReader.Role.client, "ssh_protocol_client"),
            (fixture.server, .server, "ssh_protocol_server"),
        ] {
            var reader = SSHStreamReader(role: role)
            let yields = reader.feed(bytes)
            #expect(reader.isFinished)
            #expect(reader.stopReason == nil)
            #expect(reader.bufferedBytes == 0)
            let line = try #require(reader.identification)
            #expect(String(decoding: line.line, as: UTF8.self) == fixture.expect[key])
            #expect(yields.first == .identification(line, precedingLines: 0))
            if line.speaksSSH2 {
                let kexInit = try #require(reader.kexInit)
                #expect(yields == [.identification(line, precedingLines: 0), .kexInit(kexInit)])
            } else {
                #expect(reader.kexInit == nil)
                #expect(yields.count == 1)
            }
        }
    }

    @Test(arguments: fixtures)
    func segmentationDoesNotChangeTheResult(fixture: StreamFixture) {
        for (bytes, role) in [(fixture.client, SSHStreamReader.Role.client), (fixture.server, .server)] {
            let whole = ReaderOutcome([bytes], role: role)
            #expect(ReaderOutcome(bytes.map { [$0] }, role: role) == whole)
            for seed in UInt64(1)...8 {
                #expect(ReaderOutcome(SSHWire.randomSplits(bytes, seed: seed), role: role) == whole, "seed \(seed)")
            }
        }
    }

    @Test(arguments: fixtures)
    func everyPrefixWaitsForMoreBytes(fixture: StreamFixture) {
        for (bytes, role) in [(fixture.client, SSHStreamReader.Role.client), (fixture.server, .server)] {
            for length in 0..<bytes.count {
                let outcome = ReaderOutcome([Array(bytes.prefix(length))], role: role)
                #expect(!outcome.isFinished && outcome.stopReason == nil, "prefix \(length)")
            }
        }
    }

    @Test func ignoresBytesAfterTheKexInit() throws {
        let fixture = try #require(SSHWire.fixture("putty-0.74"))
        var reader = SSHStreamReader(role: .server)
        _ = reader.feed(fixture.server + [0xFF, 0xFF, 0xFF, 0xFF, 0x00])
        #expect(reader.isFinished && reader.kexInit != nil && reader.stopReason == nil)
        #expect(reader.feed([0, 0, 0, 12]).isEmpty)
    }

    @Test func skipsServerLinesBeforeItsIdentification() {
        let prelude = Array("Welcome\r\nno SSH- here\nSSH\r\n".utf8)
        let bytes = prelude + SSHWire.line("SSH-2.0-x") + SSHWire.packet(SSHWire.sampleKexInit)
        var reader = SSHStreamReader(role: .server)
        let yields = reader.feed(bytes)
        #expect(reader.precedingLines == 3)
        #expect(yields.count == 2)
        #expect(reader.identification?.line == Array("SSH-2.0-x".utf8))
        #expect(reader.kexInit != nil)
    }

    @Test func skipsIgnoreAndDebugBeforeTheKexInit() {
        let bytes =
            SSHWire.line("SSH-2.0-x") + SSHWire.packet([2, 0, 0, 0, 0]) + SSHWire.packet([4, 0])
            + SSHWire.packet(SSHWire.sampleKexInit)
        var reader = SSHStreamReader(role: .client)
        _ = reader.feed(bytes)
        #expect(reader.kexInit != nil && reader.stopReason == nil)
    }

    @Test func tellsTheOpeningFromFourBytes() {
        #expect(SSHStreamReader.opening([UInt8]().span) == .undecided)
        #expect(SSHStreamReader.opening(Array("SSH".utf8).span) == .undecided)
        #expect(SSHStreamReader.opening(Array("SSH-".utf8).span) == .ssh)
        #expect(SSHStreamReader.opening(Array("SSH-2.0-x\r\n".utf8).span) == .ssh)
        #expect(SSHStreamReader.opening(Array("GET ".utf8).span) == .notSSH)
        #expect(SSHStreamReader.opening([0x16, 0x03].span) == .notSSH)
    }
}
