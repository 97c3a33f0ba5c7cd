import Foundation
internal import NIOCore

/// Counts the bytes written towards the socket; placed next to it, below the TLS handler, so it counts
/// ciphertext (handshake included), the same bytes the kernel's `tcpi_bytes_acked` counts.
final class WireByteCounter: ChannelOutboundHandler, @unchecked Sendable {  // `total` is guarded by `lock`
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let lock = NSLock()
    private var total = 0

    /// Bytes written so far.
    var count: Int { lock.withLock { total } }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let bytes = unwrapOutboundIn(data).readableBytes
        lock.withLock { total += bytes }
        context.write(data, promise: promise)
    }
}
