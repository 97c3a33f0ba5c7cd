import TLSPrintCore
import TLSPrintSSH
import Testing

@Suite struct SSHIdentificationTests {
    @Test func parsesOpenSSHLineWithComments() throws {
        let parsed = try SSHIdentification(parsingAll: SSHWire.line("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"))
        #expect(parsed.line == Array("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3".utf8))
        #expect(parsed.protocolVersion == Array("2.0".utf8))
        #expect(parsed.softwareVersion == Array("OpenSSH_9.2p1".utf8))
        #expect(parsed.comments == Array("Debian-2+deb12u3".utf8))
        #expect(parsed.speaksSSH2)
    }

    @Test func acceptsBareLFAsOpenSSHDoes() throws {
        let parsed = try SSHIdentification(parsingAll: Array("SSH-2.0-Go\n".utf8))
        #expect(parsed.line == Array("SSH-2.0-Go".utf8))
        #expect(parsed.comments == nil)
    }

    @Test(arguments: [("SSH-1.99-OpenSSH_3.9p1", true), ("SSH-1.5-1.2.26", false), ("SSH-2.0-x", true)])
    func knowsWhoSpeaksSSH2(line: String, expected: Bool) throws {
        #expect(try SSHIdentification(parsingAll: SSHWire.line(line)).speaksSSH2 == expected)
    }

    @Test func keepsNULAndNonUTF8BytesAsSent() throws {
        let bytes: [UInt8] = Array("SSH-2.0-".utf8) + [0x00, 0xFF, 0xC3, 0x28] + [0x20, 0x80] + [0x0D, 0x0A]
        let parsed = try SSHIdentification(parsingAll: bytes)
        #expect(parsed.softwareVersion == [0x00, 0xFF, 0xC3, 0x28])
        #expect(parsed.comments == [0x80])
        #expect(parsed.line == Array(bytes.dropLast(2)))
    }

    @Test func takesALineOf255BytesWithItsCRLF() throws {
        let line = "SSH-2.0-" + String(repeating: "x", count: 245)
        #expect(try SSHIdentification(parsingAll: SSHWire.line(line)).line.count == 253)
    }

    static let malformed: [MalformedSample] = [
        MalformedSample("not SSH-", Array("HTTP/1.1 200 OK\r\n".utf8), .invalidValue),
        MalformedSample("lower case", Array("ssh-2.0-x\r\n".utf8), .invalidValue),
        MalformedSample(
            "no LF in 255 bytes",
            Array(("SSH-2.0-" + String(repeating: "x", count: 300)).utf8),
            .limitExceeded
        ),
        MalformedSample(
            "256 bytes with CR LF",
            SSHWire.line("SSH-2.0-" + String(repeating: "x", count: 246)),
            .limitExceeded
        ),
        MalformedSample("ends before LF", Array("SSH-2.0-OpenSSH".utf8), .truncated),
        MalformedSample("CR without LF", Array("SSH-2.0-x\r".utf8), .truncated),
        MalformedSample("empty", [], .truncated),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedLine(_ sample: MalformedSample) {
        #expect(
            failure { () throws(ParseError) in _ = try SSHIdentification(parsingAll: sample.bytes) } == sample.reason
        )
    }

    static let real = SSHWire.line("SSH-2.0-OpenSSH_7.6p1 Ubuntu-4ubuntu0.5")

    @Test(arguments: 0..<real.count)
    func everyTruncationIsRejected(length: Int) {
        #expect(throws: ParseError.self) { try SSHIdentification(parsingAll: Array(Self.real.prefix(length))) }
    }
}
