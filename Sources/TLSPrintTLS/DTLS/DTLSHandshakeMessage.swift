/// A complete DTLS handshake message, as `DTLSHandshakeReassembler` yields it.
package struct DTLSHandshakeMessage: Hashable, Sendable {
    /// The message type and full body (the DTLS handshake header removed), as the TLS parsers take it.
    /// A ClientHello body keeps its cookie: `ClientHello` reads it when the version is DTLS.
    package var message: HandshakeMessage
    /// message_seq: a ClientHello answered by a HelloVerifyRequest or HelloRetryRequest is sent again
    /// with the next number, so the first ClientHello is the one with the lowest.
    package var messageSequence: UInt16
    /// The version of the record that carried the first fragment received.
    package var recordVersion: ProtocolVersion
    /// How many distinct fragments the message was assembled from (1 when it was not fragmented).
    package var fragmentCount: Int

    /// A message from its parts.
    package init(message: HandshakeMessage, messageSequence: UInt16, recordVersion: ProtocolVersion, fragmentCount: Int)
    {
        self.message = message
        self.messageSequence = messageSequence
        self.recordVersion = recordVersion
        self.fragmentCount = fragmentCount
    }
}
