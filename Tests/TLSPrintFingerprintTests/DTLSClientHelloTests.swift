import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintTLS
import TLSPrintTestSupport
import Testing

/// A DTLS 1.2 ClientHello (with the cookie field) against arkime's expected values.
@Suite struct DTLSClientHelloTests {
    // arkime/pcap/arkime_synthetic.pcap frame 564 (udp.stream 60), from
    // tshark -r arkime_synthetic.pcap -Y "frame.number==564" -T fields -e udp.payload
    // DTLS record header (13 bytes) + handshake header (12 bytes, unfragmented) + ClientHello body.
    static let datagram =
        "16fefd0000000000000000006e010000620000000000000062fefdfe74baaa41969e1eea0f154bebcd7c44b8e42e4c95d9a52d43178fd518040143000000041301c02f01000034000000150013000010746573742e6578616d706c652e636f6d002b000302fefd000d0006000404010501000a0006000400170018"

    @Test func fingerprintsMatchArkime() throws {
        let bytes = Array(StreamFixture.hexBytes(Self.datagram[...]).dropFirst(25))
        let hello = try ClientHello(parsingAll: bytes)
        #expect(hello.cookie.isEmpty)
        // arkime expected.json, udp stream 60.
        #expect(JA4(hello, transport: .dtls).hashed == "dd2d020400_c1929292aa6b_c91bed236abd")
        #expect(JA4(hello, transport: .dtls).raw == "dd2d020400_1301,c02f_000a,000d,002b_0401,0501")
        #expect(JA3(hello).fullString == "65277,4865-49199,0-43-13-10,23-24,")
    }
}
