import TLSPrintCore
import TLSPrintTLS
import Testing

@Suite struct CertificateMessageTests {
    static let body: [UInt8] =
        HelloFixtures.serverMessages("badcurveball").first { $0.type == .certificate }?.body ?? []

    @Test func parsesTwoCertificateChain() throws {
        // foxio expected.json: badcurveball.pcap carries two certificates (leaf, INFIGO root).
        let message = try CertificateMessage(parsingAll: Self.body)
        #expect(message.certificates.count == 2)
        #expect(message.certificates.allSatisfy { $0.first == 0x30 })
    }

    @Test func truncationSweep() {
        for length in 0..<Self.body.count {
            #expect(throws: ParseError.self, "prefix \(length)") {
                try CertificateMessage(parsingAll: Array(Self.body.prefix(length)))
            }
        }
    }

    static let malformed: [(String, [UInt8], ParseError.Reason)] = [
        ("empty certificate", [0x00, 0x00, 0x03, 0x00, 0x00, 0x00], .invalidValue),
        ("certificate past the list", [0x00, 0x00, 0x04, 0x00, 0x00, 0x05, 0x30], .truncated),
        ("bytes after the list", [0x00, 0x00, 0x00, 0x01], .trailingBytes),
    ]

    @Test(arguments: malformed)
    func malformedMessagesThrow(label: String, bytes: [UInt8], reason: ParseError.Reason) {
        do {
            _ = try CertificateMessage(parsingAll: bytes)
            Issue.record("\(label) parsed")
        } catch {
            #expect(error.reason == reason, "\(label)")
        }
    }

    @Test func chainLengthIsCapped() {
        let one: [UInt8] = [0x00, 0x00, 0x01, 0x30]
        let list = Array([[UInt8]](repeating: one, count: Limits.certificatesPerChain + 1).joined())
        let bytes = [0x00, 0x00, UInt8(list.count)] + list
        #expect(throws: ParseError.self) { try CertificateMessage(parsingAll: bytes) }
    }
}
