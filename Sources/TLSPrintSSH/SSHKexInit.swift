import TLSPrintCore

// RFC 4253 §7.1
//   byte         SSH_MSG_KEXINIT
//   byte[16]     cookie (random bytes)
//   name-list    kex_algorithms
//   name-list    server_host_key_algorithms
//   name-list    encryption_algorithms_client_to_server
//   name-list    encryption_algorithms_server_to_client
//   name-list    mac_algorithms_client_to_server
//   name-list    mac_algorithms_server_to_client
//   name-list    compression_algorithms_client_to_server
//   name-list    compression_algorithms_server_to_client
//   name-list    languages_client_to_server
//   name-list    languages_server_to_client
//   boolean      first_kex_packet_follows
//   uint32       0 (reserved for future extension)

/// An SSH_MSG_KEXINIT payload: the algorithms one side offers, in its order of preference.
package struct SSHKexInit: Hashable, Sendable, WireParseable {
    /// SSH_MSG_KEXINIT.
    package static let messageNumber: UInt8 = 20

    /// 16 random bytes.
    package var cookie: [UInt8]
    /// `kex_algorithms`.
    package var kexAlgorithms: SSHNameList
    /// `server_host_key_algorithms`.
    package var serverHostKeyAlgorithms: SSHNameList
    /// `encryption_algorithms_client_to_server`.
    package var encryptionAlgorithmsClientToServer: SSHNameList
    /// `encryption_algorithms_server_to_client`.
    package var encryptionAlgorithmsServerToClient: SSHNameList
    /// `mac_algorithms_client_to_server`.
    package var macAlgorithmsClientToServer: SSHNameList
    /// `mac_algorithms_server_to_client`.
    package var macAlgorithmsServerToClient: SSHNameList
    /// `compression_algorithms_client_to_server`.
    package var compressionAlgorithmsClientToServer: SSHNameList
    /// `compression_algorithms_server_to_client`.
    package var compressionAlgorithmsServerToClient: SSHNameList
    /// `languages_client_to_server`.
    package var languagesClientToServer: SSHNameList
    /// `languages_server_to_client`.
    package var languagesServerToClient: SSHNameList
    /// `first_kex_packet_follows` (any non-zero byte is true, RFC 4251 §5).
    package var firstKexPacketFollows: Bool
    /// The reserved `uint32`, which should be 0 (kept, not checked).
    package var reserved: UInt32

    /// Parses a KEXINIT payload, message number included.
    /// - Throws: `.invalidValue` when the message number is not 20.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.offset
        guard try reader.readUInt8() == Self.messageNumber else { throw ParseError(.invalidValue, at: start) }
        cookie = try reader.readBytes(16)
        kexAlgorithms = try SSHNameList(parsing: &reader)
        serverHostKeyAlgorithms = try SSHNameList(parsing: &reader)
        encryptionAlgorithmsClientToServer = try SSHNameList(parsing: &reader)
        encryptionAlgorithmsServerToClient = try SSHNameList(parsing: &reader)
        macAlgorithmsClientToServer = try SSHNameList(parsing: &reader)
        macAlgorithmsServerToClient = try SSHNameList(parsing: &reader)
        compressionAlgorithmsClientToServer = try SSHNameList(parsing: &reader)
        compressionAlgorithmsServerToClient = try SSHNameList(parsing: &reader)
        languagesClientToServer = try SSHNameList(parsing: &reader)
        languagesServerToClient = try SSHNameList(parsing: &reader)
        firstKexPacketFollows = try reader.readUInt8() != 0
        reserved = try reader.readUInt32()
    }
}
