import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus
import Synchronization

/// The `/metrics` endpoint: an HTTP/1.1 server on swift-nio (NIOHTTP1) that renders a
/// `PrometheusCollectorRegistry` in the text exposition format 0.0.4.
///
/// Bounded on every axis a client controls: at most ``maximumConnections`` at once (more are closed as they
/// are accepted), request heads of at most 8 KiB in at most 64 fields (else 400 and close), bodies discarded
/// as they arrive, pipelined requests answered one at a time (NIO stops reading meanwhile), and a connection
/// with nothing to read for ``idleTimeout`` closed, as is one whose request is not complete ``requestTimeout``
/// after the connection opened or the last answer went out (a client trickling bytes cannot hold a slot). One event-loop thread serves it all; the capture
/// thread never waits for it.
package final class MetricsServer {
    /// Connections served at once.
    package static let maximumConnections = 16
    /// A connection that sends nothing for this long is closed.
    package static let idleTimeout = TimeAmount.seconds(10)
    /// A request must arrive whole within this long of the connection opening or of the previous answer.
    package static let requestTimeout = Duration.seconds(10)
    /// The `Content-Type` of the text exposition format.
    package static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// The address the server listens on (with the port the kernel chose when 0 was asked for).
    package let boundAddress: MetricsListenAddress

    /// Binds `address` and starts serving `registry`.
    /// - Throws: ``MetricsServerError`` with the errno of a failed bind (in use, not an address of this host,
    ///   permission denied) or without one when the host does not resolve.
    package init(
        address: MetricsListenAddress,
        registry: PrometheusCollectorRegistry,
        requestTimeout: Duration = MetricsServer.requestTimeout
    ) throws(MetricsServerError) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let slots = ConnectionSlots(limit: Self.maximumConnections)
        let requestTime = TimeAmount.nanoseconds(
            requestTimeout.components.seconds * 1_000_000_000 + requestTimeout.components.attoseconds / 1_000_000_000
        )
        let limits = Self.decoderLimits
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 32)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 4)
            .childChannelInitializer { channel in
                guard slots.take() else { return channel.close() }
                channel.closeFuture.whenComplete { _ in slots.give() }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(IdleStateHandler(readTimeout: Self.idleTimeout))
                    try pipeline.configureHTTPServerPipeline(
                        withErrorHandling: true,
                        withEncoderConfiguration: HTTPResponseEncoder.Configuration(),
                        withDecoderLimitConfiguration: limits
                    )
                    try pipeline.addHandler(MetricsRequestHandler(registry: registry, requestTimeout: requestTime))
                }
            }
        do {
            // An address literal is bound as it is: the resolver (with AI_ADDRCONFIG) refuses `::1` on a host
            // whose only IPv6 address is loopback's.
            if let literal = try? SocketAddress(ipAddress: address.host, port: address.port) {
                channel = try bootstrap.bind(to: literal).wait()
            } else {
                channel = try bootstrap.bind(host: address.host, port: address.port).wait()
            }
        } catch {
            try? group.syncShutdownGracefully()
            throw Self.failure(error, address: address)
        }
        self.group = group
        let port = channel.localAddress?.port ?? address.port
        boundAddress = MetricsListenAddress(host: address.host, port: port)
    }

    /// Stops listening, closes open connections and ends the event-loop thread.
    package func close() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    private static var decoderLimits: NIOHTTPDecoderLimitConfiguration {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = 8_192
        limits.maxHeaderListSize = 8_192
        limits.maxHeaderFieldCount = 64
        return limits
    }

    private static func failure(_ error: any Error, address: MetricsListenAddress) -> MetricsServerError {
        if let error = error as? IOError { return MetricsServerError(address: "\(address)", errno: error.errnoCode) }
        if let error = error as? SocketAddressError.UnknownHost {
            return MetricsServerError(
                address: "\(address)",
                cause: "'\(error.host)' does not resolve: \(error.errorDescription)",
                unresolved: true
            )
        }
        if error is SocketAddressError {
            return MetricsServerError(
                address: "\(address)",
                cause: "'\(address.host)' does not resolve",
                unresolved: true
            )
        }
        return MetricsServerError(address: "\(address)", cause: "\(error)", unresolved: false)
    }
}

/// Counts open connections against a limit, from any event-loop thread.
private final class ConnectionSlots: Sendable {
    private let open = Mutex(0)
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Takes a slot; false when all are taken.
    func take() -> Bool {
        open.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Gives a slot back.
    func give() {
        open.withLock { $0 -= 1 }
    }
}
