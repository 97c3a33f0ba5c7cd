import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintSSH
import TLSPrintTestSupport
import Testing

@Suite struct HASSHTests {
    static let fixtures = StreamFixture.ssh.filter { $0.expect["hassh"] != nil }

    static func kexInits(_ fixture: StreamFixture) throws -> (client: SSHKexInit, server: SSHKexInit) {
        var client = SSHStreamReader(role: .client)
        var server = SSHStreamReader(role: .server)
        _ = (client.feed(fixture.client), server.feed(fixture.server))
        return (try #require(client.kexInit), try #require(server.kexInit))
    }

    @Test func fixturesArePresent() {
        #expect(Self.fixtures.count >= 4)
    }

    /// Expectations: FoxIO's snapshot (`hassh`, `hassh_server`) and tshark's dissector (`tshark_ssh.kex.*`).
    @Test(arguments: fixtures)
    func matchesReferenceAndTshark(fixture: StreamFixture) throws {
        let (client, server) = try Self.kexInits(fixture)
        let hassh = HASSH(client: client)
        let hasshServer = HASSH(server: server)
        #expect(hassh.hash == fixture.expect["hassh"])
        #expect(hassh.hash == fixture.expect["tshark_ssh.kex.hassh"])
        #expect(String(decoding: hassh.algorithms, as: UTF8.self) == fixture.expect["tshark_ssh.kex.hassh_algorithms"])
        #expect(hasshServer.hash == fixture.expect["hassh_server"])
        #expect(hasshServer.hash == fixture.expect["tshark_ssh.kex.hasshserver"])
        #expect(
            String(decoding: hasshServer.algorithms, as: UTF8.self)
                == fixture.expect["tshark_ssh.kex.hasshserver_algorithms"]
        )
    }

    @Test func emptyListsAreEmptyFields() throws {
        let kexInit = try SSHKexInit(parsingAll: Self.payload([]))
        #expect(HASSH(client: kexInit).algorithms == Array(";;;".utf8))
        #expect(HASSH(client: kexInit).hash == "95420f9d932ddd22833f17b96a80bedb")  // md5(";;;")
    }

    @Test func hashesNonUTF8BytesAsSent() throws {
        // kex = FF 00, enc_c2s = "a": md5 of the bytes ff 00 3b 61 3b 3b (python3 hashlib).
        let kexInit = try SSHKexInit(parsingAll: Self.payload([[0xFF, 0x00], [], [0x61], [0x62]]))
        #expect(HASSH(client: kexInit).algorithms == [0xFF, 0x00, 0x3B, 0x61, 0x3B, 0x3B])
        #expect(HASSH(client: kexInit).hash == "e6bba348d034a1559db2de363bd1912c")
        #expect(HASSH(server: kexInit).algorithms == [0xFF, 0x00, 0x3B, 0x62, 0x3B, 0x3B])
    }

    /// Expected values worked out from the fixtures' lists with a separate script (first client name the
    /// server also lists).
    @Test(arguments: [
        (
            "openssh-7.6-8.9",
            [
                "curve25519-sha256", "ecdsa-sha2-nistp256", "chacha20-poly1305@openssh.com",
                "umac-64-etm@openssh.com", "none",
            ]
        ),
        ("putty-0.74", ["curve25519-sha256@libssh.org", "ssh-ed25519", "aes256-ctr", "hmac-sha2-256", "none"]),
        ("openssh-1.99-server", ["diffie-hellman-group-exchange-sha1", "ssh-rsa", "aes128-ctr", "hmac-md5", "none"]),
    ])
    func negotiatesAsRFC4253Says(name: String, expected: [String]) throws {
        let fixture = try #require(StreamFixture.ssh.first { $0.name == name })
        let (client, server) = try Self.kexInits(fixture)
        let negotiation = SSHNegotiation(client: client, server: server)
        let values = [
            negotiation.kex, negotiation.hostKey, negotiation.cipher, negotiation.mac, negotiation.compression,
        ]
        #expect(values.map { $0.map { String(decoding: $0, as: UTF8.self) } } == expected)
    }

    @Test func negotiatesNothingWithoutACommonName() {
        let client = SSHNameList(bytes: Array("a,b".utf8))
        #expect(SSHNegotiation.firstCommon(client: client, server: SSHNameList(bytes: Array("c,d".utf8))) == nil)
        #expect(SSHNegotiation.firstCommon(client: client, server: SSHNameList(bytes: [])) == nil)
        #expect(SSHNegotiation.firstCommon(client: client, server: SSHNameList(bytes: Array("b,a".utf8))) == [0x61])
    }

    @Test func negotiatesHugeListsInLinearTime() {
        // Two 17,000-name lists with one common name at the very end: pairwise comparison would take ~3e8 steps.
        let client = (0..<17_000).map { "c\($0)" }.joined(separator: ",") + ",z"
        let server = (0..<17_000).map { "s\($0)" }.joined(separator: ",") + ",z"
        let common = SSHNegotiation.firstCommon(
            client: SSHNameList(bytes: Array(client.utf8)),
            server: SSHNameList(bytes: Array(server.utf8))
        )
        #expect(common == [0x7A])
    }

    static func payload(_ lists: [[UInt8]]) -> [UInt8] {
        var payload: [UInt8] = [20] + [UInt8](repeating: 0, count: 16)
        for index in 0..<10 {
            let list = index < lists.count ? lists[index] : []
            let count = list.count
            payload += [
                UInt8(count >> 24 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF),
            ]
            payload += list
        }
        return payload + [0, 0, 0, 0, 0]
    }
}
