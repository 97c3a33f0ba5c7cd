import TLSPrintSSH

/// What two KEXINITs negotiate (RFC 4253 §7.1): for each list, the first algorithm on the client's list that is
/// also on the server's; nil when they share none.
///
/// This is the plain rule of the events spec (`ssh_kex`, `ssh_host_key`, `ssh_cipher`, `ssh_mac`,
/// `ssh_compression`). It does not model the refinements of §7.1 (a key exchange that needs a signature- or
/// encryption-capable host key) or that an AEAD cipher such as `chacha20-poly1305@openssh.com` makes the MAC
/// list moot: the MAC reported is still the first common one. FoxIO's `encryption_algorithm` (the server's
/// first cipher that the client offers) is a different value.
package struct SSHNegotiation: Hashable, Sendable {
    /// The key exchange method.
    package var kex: [UInt8]?
    /// The server host key algorithm.
    package var hostKey: [UInt8]?
    /// The client-to-server cipher.
    package var cipher: [UInt8]?
    /// The client-to-server MAC.
    package var mac: [UInt8]?
    /// The client-to-server compression.
    package var compression: [UInt8]?

    /// The algorithms `client` and `server` agree on.
    package init(client: SSHKexInit, server: SSHKexInit) {
        kex = Self.firstCommon(client: client.kexAlgorithms, server: server.kexAlgorithms)
        hostKey = Self.firstCommon(client: client.serverHostKeyAlgorithms, server: server.serverHostKeyAlgorithms)
        cipher = Self.firstCommon(
            client: client.encryptionAlgorithmsClientToServer,
            server: server.encryptionAlgorithmsClientToServer
        )
        mac = Self.firstCommon(client: client.macAlgorithmsClientToServer, server: server.macAlgorithmsClientToServer)
        compression = Self.firstCommon(
            client: client.compressionAlgorithmsClientToServer,
            server: server.compressionAlgorithmsClientToServer
        )
    }

    /// The first name of `client` that `server` also lists (names compared as bytes). Linear in the lists'
    /// lengths: a 35,000-byte packet can carry some 17,000 names, too many to compare pairwise.
    package static func firstCommon(client: SSHNameList, server: SSHNameList) -> [UInt8]? {
        let offered = Set(server.names)
        return client.names.first { offered.contains($0) }.map { Array($0) }
    }
}
