internal import NIOCore

/// Counts the reads arriving from the socket, below the TLS handler, and the count when the handshake
/// completed: a read after that is the server's first post-handshake flight (TLS 1.3 session tickets, sent
/// once the server has accepted the client's Finished and certificate) or its refusal (an alert).
///
/// Touched only on the channel's event loop.
final class InboundWatcher: ChannelInboundHandler, @unchecked Sendable {  // event-loop confined
    typealias InboundIn = ByteBuffer

    private var reads = 0
    private var readsAtHandshake: Int?

    /// Reads that arrived after the handshake completed (0 before it completes).
    var readsAfterHandshake: Int {
        guard let readsAtHandshake else { return 0 }
        return reads - readsAtHandshake
    }

    /// Called by ``HandshakeWaiter`` when the handshake completes.
    func handshakeCompleted() { readsAtHandshake = reads }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        reads += 1
        context.fireChannelRead(data)
    }
}
