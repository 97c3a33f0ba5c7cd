import TLSPrintCore
import Testing

@testable import TLSPrintQUIC

/// RFC 9001 Appendix A (version 1) and RFC 9369 Appendix A (version 2), transcribed in aioquic's test suite
/// (see Tests/Fixtures/quic/SOURCES.md). Both use the client DCID 0x8394c8f03e515708.
@Suite struct InitialVectorTests {
    static let dcid = QUICFixtures.bytes(hex: "8394c8f03e515708")

    struct KeyVector: Sendable, CustomStringConvertible {
        var version: QUICVersion
        var clientSecret, clientKey, clientIV, clientHP: String
        var serverSecret, serverKey, serverIV, serverHP: String
        var fixturePrefix: String
        var retry: String
        var retryTag: String
        var description: String { fixturePrefix }
    }

    static let vectors = [
        KeyVector(
            version: .v1,
            clientSecret: "c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea",
            clientKey: "1f369613dd76d5467730efcbe3b1a22d",
            clientIV: "fa044b2f42a3fd3b46fb255c",
            clientHP: "9f50449e04a0e810283a1e9933adedd2",
            serverSecret: "3c199828fd139efd216c155ad844cc81fb82fa8d7446fa7d78be803acdda951b",
            serverKey: "cf3a5331653c364c88f0f379b6067e37",
            serverIV: "0ac1493ca1905853b0bba03e",
            serverHP: "c206b8d9b9f0f37644430b490eeaa314",
            fixturePrefix: "rfc9001",
            retry: "ff000000010008f067a5502a4262b5746f6b656e04a265ba2eff4d829058fb3f0f2496ba",
            retryTag: "04a265ba2eff4d829058fb3f0f2496ba"
        ),
        KeyVector(
            version: .v2,
            clientSecret: "14ec9d6eb9fd7af83bf5a668bc17a7e283766aade7ecd0891f70f9ff7f4bf47b",
            clientKey: "8b1a0bc121284290a29e0971b5cd045d",
            clientIV: "91f73e2351d8fa91660e909f",
            clientHP: "45b95e15235d6f45a6b19cbcb0294ba9",
            serverSecret: "0263db1782731bf4588e7e4d93b7463907cb8cd8200b5da55a8bd488eafc37c1",
            serverKey: "82db637861d55e1d011f19ea71d5d2a7",
            serverIV: "dd13c276499c0249d3310652",
            serverHP: "edf6d05c83121201b436e16877593c3a",
            fixturePrefix: "rfc9369",
            retry: "cf6b3343cf0008f067a5502a4262b5746f6b656ec8646ce8bfe33952d955543665dcc7b6",
            retryTag: "c8646ce8bfe33952d955543665dcc7b6"
        ),
    ]

    @Test func initialSecretMatchesRFC9001A1() {
        let salt = QUICVersion.v1.initialSalt ?? []
        let secret = HKDFExpandLabel.extract(salt: salt, inputKeyMaterial: Self.dcid)
        #expect(Hex.encode(secret) == "7db5df06e7a69e432496adedb00851923595221596ae2ae9fb8115c1e9ed0a44")
    }

    @Test(arguments: vectors)
    func derivesInitialKeys(vector: KeyVector) throws {
        let secrets = try #require(InitialSecrets(version: vector.version, clientDestinationConnectionID: Self.dcid))
        #expect(Hex.encode(secrets.client.secret) == vector.clientSecret)
        #expect(Hex.encode(secrets.client.key) == vector.clientKey)
        #expect(Hex.encode(secrets.client.iv) == vector.clientIV)
        #expect(Hex.encode(secrets.client.headerProtectionKey) == vector.clientHP)
        #expect(Hex.encode(secrets.server.secret) == vector.serverSecret)
        #expect(Hex.encode(secrets.server.key) == vector.serverKey)
        #expect(Hex.encode(secrets.server.iv) == vector.serverIV)
        #expect(Hex.encode(secrets.server.headerProtectionKey) == vector.serverHP)
    }

    @Test func headerProtectionMaskMatchesRFC9001A2() throws {
        let sample = QUICFixtures.bytes(hex: "d1b1c98dd7689fb8ec11d242b123dc9b")
        let key = QUICFixtures.bytes(hex: "9f50449e04a0e810283a1e9933adedd2")
        let mask = try HeaderProtection.mask(sample: sample, key: key)
        #expect(Hex.encode(mask.prefix(5)) == "437b9aec36")
    }

    @Test(arguments: vectors)
    func decryptsClientInitial(vector: KeyVector) throws {
        let datagram = try QUICFixtures.hexFile("\(vector.fixturePrefix)-client-initial-protected.hex")
        let plain = try QUICFixtures.hexFile("\(vector.fixturePrefix)-client-initial-payload.hex")
        let result = QUICInitialDecryptor.decrypt(datagram: datagram)
        #expect(result.error == nil)
        #expect(result.trailingBytes == 0)
        #expect(result.packetTypes == [.initial])
        let packet = try #require(result.initials.first)
        #expect(packet.direction == .client)
        #expect(packet.packetNumber == 2)
        #expect(packet.header.version == vector.version)
        #expect(packet.header.destinationConnectionID == Self.dcid)
        #expect(packet.header.sourceConnectionID.isEmpty)
        #expect(packet.header.token.isEmpty)
        #expect(packet.frameError == nil)
        // Plaintext: CRYPTO (06), offset 0, length 0x40f1 = 241, then 917 bytes of PADDING.
        #expect(packet.frames == [.crypto(CryptoFrame(offset: 0, data: Array(plain[4..<245]))), .padding(count: 917)])
        #expect(plain.count == 245 + 917)
    }

    @Test(arguments: vectors)
    func decryptsServerInitial(vector: KeyVector) throws {
        let datagram = try QUICFixtures.hexFile("\(vector.fixturePrefix)-server-initial-protected.hex")
        let plain = try QUICFixtures.hexFile("\(vector.fixturePrefix)-server-initial-payload.hex")
        let result = QUICInitialDecryptor.decrypt(datagram: datagram, clientDestinationConnectionID: Self.dcid)
        let packet = try #require(result.initials.first)
        #expect(packet.direction == .server)
        #expect(packet.packetNumber == 1)
        #expect(packet.header.destinationConnectionID.isEmpty)
        #expect(packet.header.sourceConnectionID == QUICFixtures.bytes(hex: "f067a5502a4262b5"))
        // Plaintext: ACK (02) largest 0, delay 0, no extra range, first range 0; CRYPTO offset 0 length 0x5a.
        let ack = ACKFrame(largestAcknowledged: 0, ackDelay: 0, firstRange: 0)
        #expect(packet.frames == [.ack(ack), .crypto(CryptoFrame(offset: 0, data: Array(plain[9...])))])
        #expect(plain.count == 9 + 90)
    }

    @Test(arguments: vectors)
    func serverInitialNeedsTheClientConnectionID(vector: KeyVector) throws {
        let datagram = try QUICFixtures.hexFile("\(vector.fixturePrefix)-server-initial-protected.hex")
        let result = QUICInitialDecryptor.decrypt(datagram: datagram)
        #expect(result.packets.count == 1)
        #expect(result.packets.first?.outcome == .authenticationFailed)
        let wrongSide = QUICInitialDecryptor.decrypt(
            datagram: datagram,
            clientDestinationConnectionID: Self.dcid,
            direction: .client
        )
        #expect(wrongSide.packets.first?.outcome == .authenticationFailed)
    }

    @Test(arguments: vectors)
    func parsesRetry(vector: KeyVector) throws {
        let header = try LongHeader(parsingAll: QUICFixtures.bytes(hex: vector.retry))
        #expect(header.packetType == .retry)
        #expect(header.version == vector.version)
        #expect(header.destinationConnectionID.isEmpty)
        #expect(header.sourceConnectionID == QUICFixtures.bytes(hex: "f067a5502a4262b5"))
        #expect(header.token == Array("token".utf8))
        #expect(Hex.encode(header.retryIntegrityTag) == vector.retryTag)
        #expect(header.packetLength == 36)
        #expect(header.packetNumberOffset == nil)
    }
}
