import TLSPrintTLS
import TLSPrintTestSupport

/// Handshake messages cut out of the stream fixtures by the assembler.
enum HelloFixtures {
    static func messages(_ bytes: [UInt8]) -> [HandshakeMessage] {
        var assembler = TLSHandshakeAssembler()
        return assembler.feed(bytes)
    }

    static func clientHelloBody(_ name: String) -> [UInt8]? {
        guard let fixture = StreamFixture.named(name) else { return nil }
        return messages(fixture.client).first { $0.type == .clientHello }?.body
    }

    static func serverMessages(_ name: String) -> [HandshakeMessage] {
        guard let fixture = StreamFixture.named(name) else { return [] }
        return messages(fixture.server)
    }
}
