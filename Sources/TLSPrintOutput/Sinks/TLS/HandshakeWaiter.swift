internal import NIOCore
internal import NIOTLS

/// Completes `promise` when the TLS handshake (with certificate and host name checks) succeeds, and fails
/// it on the first error or when the channel closes first.
final class HandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    /// The channel closed before the handshake finished.
    struct ClosedEarly: Error {}

    private let promise: EventLoopPromise<Void>
    private let watcher: InboundWatcher
    private var done = false

    init(promise: EventLoopPromise<Void>, watcher: InboundWatcher) {
        self.promise = promise
        self.watcher = watcher
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent, !done {
            done = true
            watcher.handshakeCompleted()
            promise.succeed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !done {
            done = true
            promise.fail(error)
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !done {
            done = true
            promise.fail(ClosedEarly())
        }
        context.fireChannelInactive()
    }

    /// Collectors send nothing on a syslog connection; whatever arrives is discarded.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
