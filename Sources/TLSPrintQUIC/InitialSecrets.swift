// RFC 9001 §5.2
//   initial_secret = HKDF-Extract(initial_salt, client_dst_connection_id)
//   client_initial_secret = HKDF-Expand-Label(initial_secret, "client in", "", Hash.length)
//   server_initial_secret = HKDF-Expand-Label(initial_secret, "server in", "", Hash.length)
// RFC 9369 §3.3 changes only the salt and the key/iv/hp labels.

/// The Initial keys of both directions of one connection, derived from the client's Destination Connection ID.
///
/// The DCID is the one in the client's first Initial packet, or, after a Retry, the Retry's Source Connection ID
/// (which the client then uses as DCID). The keys do not change when the client later switches to the DCID the
/// server chose.
package struct InitialSecrets: Hashable, Sendable {
    /// The version whose salt and labels were used.
    package var version: QUICVersion
    /// The connection ID the secrets derive from.
    package var clientDestinationConnectionID: [UInt8]
    /// Keys that protect the client's Initial packets.
    package var client: PacketProtectionKeys
    /// Keys that protect the server's Initial packets.
    package var server: PacketProtectionKeys

    /// Derives both directions' keys, or returns nil when the version has no known Initial salt.
    package init?(version: QUICVersion, clientDestinationConnectionID: [UInt8]) {
        guard let salt = version.initialSalt else { return nil }
        self.version = version
        self.clientDestinationConnectionID = clientDestinationConnectionID
        let initialSecret = HKDFExpandLabel.extract(salt: salt, inputKeyMaterial: clientDestinationConnectionID)
        client = PacketProtectionKeys(
            secret: HKDFExpandLabel.expand(secret: initialSecret, label: "client in", length: 32),
            version: version
        )
        server = PacketProtectionKeys(
            secret: HKDFExpandLabel.expand(secret: initialSecret, label: "server in", length: 32),
            version: version
        )
    }

    /// The keys of one direction.
    package func keys(for direction: QUICDirection) -> PacketProtectionKeys {
        direction == .client ? client : server
    }
}
