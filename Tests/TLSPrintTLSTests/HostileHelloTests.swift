import TLSPrintCore
import TLSPrintTLS
import TLSPrintTestSupport
import Testing

/// Hostile input against the hello parsers and the handshake assembler (issue 5 §3): every result is a
/// thrown or recorded `ParseError`, never a trap, and nothing is sized from a declared length.
@Suite("Hostile hellos and records")
struct HostileHelloTests {
    /// Offsets of every length field in a hello body (session id, suites, compression, extension block and each
    /// extension), from a walk over a well-formed body.
    static func lengthFields(_ body: [UInt8], isClient: Bool) -> [(offset: Int, width: Int)] {
        var fields: [(offset: Int, width: Int)] = [(34, 1)]
        var index = 35 + Int(body[34])
        if isClient {
            fields.append((index, 2))
            index += 2 + (Int(body[index]) << 8 | Int(body[index + 1]))
            fields.append((index, 1))
            index += 1 + Int(body[index])
        } else {
            index += 3
        }
        guard index + 2 <= body.count else { return fields }
        fields.append((index, 2))
        index += 2
        while index + 4 <= body.count {
            fields.append((index + 2, 2))
            index += 4 + (Int(body[index + 2]) << 8 | Int(body[index + 3]))
        }
        return fields
    }

    /// Where the extension block starts: a prefix cut exactly there is a valid extension-less hello.
    static func extensionsStart(_ body: [UInt8], isClient: Bool) -> Int {
        // Draft TLS 1.3 ServerHello (0x7Fxx): version, random, cipher_suite, extensions; no session id.
        if !isClient, body.first == 0x7F { return 36 }
        var index = 35 + Int(body[34])
        if isClient {
            index += 2 + (Int(body[index]) << 8 | Int(body[index + 1]))
            index += 1 + Int(body[index])
        } else {
            index += 3
        }
        return index
    }

    static let clientHellos = StreamFixture.all.filter { HelloFixtures.clientHelloBody($0.name) != nil }
    static let serverHellos = StreamFixture.all.filter {
        HelloFixtures.serverMessages($0.name).contains { $0.type == .serverHello }
    }

    @Test("every truncation of every fixture ClientHello throws or records damage", arguments: clientHellos)
    func clientHelloTruncations(_ fixture: StreamFixture) throws {
        let body = try #require(HelloFixtures.clientHelloBody(fixture.name))
        let full = try ClientHello(parsingAll: body)
        try #require(!full.legacyVersion.isDTLS)
        let boundary = Self.extensionsStart(body, isClient: true)
        for cut in 0..<body.count {
            do throws(ParseError) {
                let hello = try ClientHello(parsingAll: Array(body[..<cut]))
                let damaged = hello.damage != nil
                #expect(damaged || (cut == boundary && hello.extensions.isEmpty), "prefix \(cut) parsed clean")
            } catch {
                #expect(error.offset <= cut)
            }
        }
    }

    @Test("every truncation of every fixture ServerHello throws or records damage", arguments: serverHellos)
    func serverHelloTruncations(_ fixture: StreamFixture) throws {
        let message = try #require(HelloFixtures.serverMessages(fixture.name).first { $0.type == .serverHello })
        let body = message.body
        let boundary = Self.extensionsStart(body, isClient: false)
        for cut in 0..<body.count {
            do throws(ParseError) {
                let hello = try ServerHello(parsingAll: Array(body[..<cut]))
                let damaged = hello.damage != nil
                #expect(damaged || (cut == boundary && hello.extensions.isEmpty), "prefix \(cut) parsed clean")
            } catch {
                #expect(error.offset <= cut)
            }
        }
    }

    @Test("every length field pointing past the end gives an error", arguments: clientHellos)
    func lengthsPastTheEnd(_ fixture: StreamFixture) throws {
        let body = try #require(HelloFixtures.clientHelloBody(fixture.name))
        for field in Self.lengthFields(body, isClient: true) where field.offset + field.width <= body.count {
            var mutated = body
            for step in 0..<field.width { mutated[field.offset + step] = 0xFF }
            do throws(ParseError) {
                let hello = try ClientHello(parsingAll: mutated)
                #expect(hello.damage != nil, "length at \(field.offset) set to all-ones parsed clean")
            } catch {
                #expect([.truncated, .invalidValue, .limitExceeded, .trailingBytes].contains(error.reason))
            }
        }
    }

    /// A TLS 1.2 ClientHello body with one suite, null compression and `extensions` raw extension bytes.
    static func clientHello(extensionBlockLength: Int, extensions: [UInt8]) -> [UInt8] {
        var body: [UInt8] =
            [0x03, 0x03] + [UInt8](repeating: 0x11, count: 32) + [0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00]
        body += [UInt8(truncatingIfNeeded: extensionBlockLength >> 8), UInt8(truncatingIfNeeded: extensionBlockLength)]
        return body + extensions
    }

    @Test("the most extensions a block can hold (16,383) hit the extension limit")
    func maximumExtensionCount() {
        var extensions: [UInt8] = []
        for index in 0..<16_383 { extensions += [0x7F, UInt8(truncatingIfNeeded: index), 0x00, 0x00] }
        let body = Self.clientHello(extensionBlockLength: extensions.count, extensions: extensions)
        do throws(ParseError) {
            let hello = try ClientHello(parsingAll: body)
            #expect(hello.damage?.reason == .limitExceeded)
            #expect(hello.extensions.count <= Limits.extensionsPerHello)
        } catch {
            #expect(error.reason == .limitExceeded)
        }
    }

    @Test("65,535 declared extensions (262,140 bytes behind a 16-bit block length) give an error")
    func sixtyFiveThousandExtensions() {
        var extensions: [UInt8] = []
        extensions.reserveCapacity(65_535 * 4)
        for index in 0..<65_535 {
            extensions += [UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index), 0x00, 0x00]
        }
        let body = Self.clientHello(extensionBlockLength: 0xFFFF, extensions: extensions)
        do throws(ParseError) {
            let hello = try ClientHello(parsingAll: body)
            #expect(hello.damage != nil)
            #expect(hello.extensions.count <= Limits.extensionsPerHello)
        } catch {
            #expect([.limitExceeded, .trailingBytes, .truncated].contains(error.reason))
        }
    }

    @Test("a Certificate message declaring 16 MiB throws and the assembler abandons it at once")
    func sixteenMebibyteCertificate() {
        // certificate_list<0..2^24-1> = 0xFFFFFF, then one ASN.1Cert<1..2^24-1> = 0xFFFFFF, then 64 bytes.
        let body: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0x30, count: 64)
        #expect(throws: ParseError.self) { try CertificateMessage(parsingAll: body) }
        var assembler = TLSHandshakeAssembler()
        let stream: [UInt8] = [0x16, 0x03, 0x03, 0x40, 0x00, 0x0B, 0xFF, 0xFF, 0xFF] + body
        let messages = assembler.feed(stream)
        #expect(messages.isEmpty)
        #expect(assembler.state == .failed(ParseError(.limitExceeded, at: 6)))
    }

    @Test("zero-length handshake records never yield a message and stay within the record cap")
    func zeroLengthRecords() {
        for count in [1, 2, 63, 64, 65, 1_000, 2_000] {
            var assembler = TLSHandshakeAssembler()
            var stream: [UInt8] = []
            for _ in 0..<count { stream += [0x16, 0x03, 0x01, 0x00, 0x00] }
            let messages = assembler.feed(stream)
            #expect(messages.isEmpty)
            #expect(assembler.recordCount <= Limits.tlsRecordsPerDirection)
            // Empty records are no handshake start: the search gives up after its prelude scan limit.
            if count * 5 > TLSHandshakeAssembler.preludeScanLimit {
                #expect(assembler.state != .handshake && assembler.state != .searching, "\(count): \(assembler.state)")
            }
        }
    }

    @Test("a record of every content type before any handshake never yields a message unless it is 22")
    func everyContentType() {
        for type in 0...255 {
            var assembler = TLSHandshakeAssembler()
            // A 10-byte record whose body is a complete zero-length-body handshake message of type 1.
            let stream: [UInt8] = [UInt8(type), 0x03, 0x03, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00]
            let messages = assembler.feed(stream)
            if type != 22 { #expect(messages.isEmpty, "content type \(type)") }
            #expect(assembler.recordCount <= 1)
        }
    }
}
