import TLSPrintCore
import TLSPrintSSH

/// HASSH (client) and HASSH-server (salesforce/hassh, BSD 3-Clause), shared/spec/fingerprints.md §7b.
///
/// HASSH is MD5 of `kex;enc_c2s;mac_c2s;comp_c2s` from the client's KEXINIT; HASSH-server is MD5 of
/// `kex;enc_s2c;mac_s2c;comp_s2c` from the server's. The lists are taken as sent: no filtering, no
/// reordering, an empty list is an empty field. The bytes are hashed as they are, so a list that is not UTF-8
/// still hashes as tshark's `ssh.kex.hassh` does.
package struct HASSH: Hashable, Sendable {
    /// The four name-lists joined with `;` (`hassh_algorithms`); attacker bytes.
    package var algorithms: [UInt8]
    /// MD5 of `algorithms`, 32 lower-case hex digits.
    package var hash: String

    /// HASSH of the client's KEXINIT (the client-to-server lists).
    package init(client kexInit: SSHKexInit) {
        self.init(
            joining: [
                kexInit.kexAlgorithms, kexInit.encryptionAlgorithmsClientToServer,
                kexInit.macAlgorithmsClientToServer, kexInit.compressionAlgorithmsClientToServer,
            ]
        )
    }

    /// HASSH-server of the server's KEXINIT (the server-to-client lists).
    package init(server kexInit: SSHKexInit) {
        self.init(
            joining: [
                kexInit.kexAlgorithms, kexInit.encryptionAlgorithmsServerToClient,
                kexInit.macAlgorithmsServerToClient, kexInit.compressionAlgorithmsServerToClient,
            ]
        )
    }

    private init(joining lists: [SSHNameList]) {
        var joined: [UInt8] = []
        joined.reserveCapacity(lists.reduce(3) { $0 + $1.bytes.count })
        for (index, list) in lists.enumerated() {
            if index > 0 { joined.append(UInt8(ascii: ";")) }
            joined += list.bytes
        }
        algorithms = joined
        hash = FingerprintHash.md5Hex(joined)
    }
}
