import TLSPrintSSH
import TLSPrintTestSupport
import Testing

/// Every SSH stream of the FoxIO captures (corpus/foxio/expected.json: 12 streams, 9 captures, tunnels and
/// IPv6 included), read in place: both directions' identification lines and first KEXINIT.
@Suite struct SSHCorpusTests {
    static func streams() throws -> [SSHCorpusStream] {
        guard let streams = try SSHCorpus.streams() else {
            if SharedCorpus.isCI { Issue.record("shared/ corpus not found: set TLSPRINT_SHARED") }
            print("skipped: shared/ corpus not found (set TLSPRINT_SHARED)")
            return []
        }
        return streams
    }

    @Test func readsEveryIdentificationLineAndKexInit() throws {
        let streams = try Self.streams()
        guard !streams.isEmpty else { return }
        #expect(streams.count == 12)
        var lines = 0
        var kexInits = 0
        for corpus in streams {
            for (fromClient, expected, hassh) in [
                (true, corpus.clientIdentification, corpus.hassh),
                (false, corpus.serverIdentification, corpus.hasshServer),
            ] {
                var reader = SSHStreamReader(role: fromClient ? .client : .server)
                _ = reader.feed(corpus.stream.bytes(fromInitiator: fromClient))
                #expect(reader.stopReason == nil, "\(corpus) \(fromClient ? "client" : "server")")
                #expect(reader.isFinished, "\(corpus)")
                let line = reader.identification.map { String(decoding: $0.line, as: UTF8.self) }
                #expect(line == expected, "\(corpus)")
                if line == expected { lines += 1 }
                #expect((reader.kexInit != nil) == (hassh != nil), "\(corpus)")
                if reader.kexInit != nil, hassh != nil { kexInits += 1 }
            }
        }
        print("SSH corpus: identification lines \(lines)/24, KEXINITs \(kexInits)/20")
        #expect(lines == 24)
        #expect(kexInits == 20)
    }

    @Test func capturedSegmentationGivesTheSameResultAsOneChunk() throws {
        for corpus in try Self.streams() {
            for fromClient in [true, false] {
                let role: SSHStreamReader.Role = fromClient ? .client : .server
                let chunks = corpus.stream.chunks(fromInitiator: fromClient)
                let whole = ReaderOutcome([Array(chunks.joined())], role: role)
                #expect(ReaderOutcome(chunks, role: role) == whole, "\(corpus)")
                // One byte at a time over the part the reader reads (the first 4 KiB hold both messages).
                let head = Array(chunks.joined().prefix(4_096))
                #expect(ReaderOutcome(head.map { [$0] }, role: role) == ReaderOutcome([head], role: role), "\(corpus)")
            }
        }
    }
}
