import Foundation
internal import NIOCore
internal import NIOPosix
internal import NIOSSL

#if canImport(Glibc)
    import Glibc
#endif

/// One RFC 5425 TLS session to a collector, driven through swift-nio-ssl by the sender thread, which
/// blocks on each step with a time limit (never the capture thread).
///
/// The collector's chain must verify against ``TLSClientOptions/caFile`` and its certificate must name
/// the host (a DNS name, or for an IP literal an IP address SAN); the SNI carries the host name.
final class TLSConnection: NetworkConnection {
    /// Time limit for connecting, the handshake and each send, in seconds.
    static let timeLimitSeconds: Int64 = 5
    /// TLS 1.3: longest wait for the server's verdict on the handshake (see ``awaitAcceptance(of:watcher:)``).
    static let acceptanceWait: Duration = .seconds(1)
    /// TLS 1.3: how long the connection must stay up after the server's first post-handshake flight.
    static let acceptanceGrace: Duration = .milliseconds(50)

    let datagram = false
    private let host: String
    private let port: Int
    private let context: NIOSSLContext
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?
    private var counter = WireByteCounter()

    /// Loads the certificates and keys named in `options`.
    /// - Throws: `SinkError(.load)` naming the option, the file and the cause.
    init(host: String, port: UInt16, options: TLSClientOptions) throws(SinkError) {
        self.host = host
        self.port = Int(port)
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        configuration.minimumTLSVersion = .tlsv12
        configuration.shutdownTimeout = .seconds(1)  // how long a close waits for the peer's close_notify
        do throws(SinkError) {
            if let caFile = options.caFile {
                try Self.checkReadable(caFile, option: "--tls-ca", directoryAllowed: true)
                configuration.trustRoots = .file(caFile)
            }
            switch (options.certificateFile, options.keyFile) {
            case (let certificate?, let key?):
                try Self.checkReadable(certificate, option: "--tls-cert", directoryAllowed: false)
                try Self.checkReadable(key, option: "--tls-key", directoryAllowed: false)
                do {
                    configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map {
                        .certificate($0)
                    }
                } catch {
                    throw SinkError(.load, context: "--tls-cert \(certificate): not a PEM certificate (\(error))")
                }
                do {
                    configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
                } catch {
                    throw SinkError(.load, context: "--tls-key \(key): not a PEM private key (\(error))")
                }
            case (nil, nil):
                break
            default:
                throw SinkError(.unsupported, context: "--tls-cert and --tls-key go together")
            }
            do {
                context = try NIOSSLContext(configuration: configuration)
            } catch {
                let files = [
                    options.caFile.map { "--tls-ca \($0)" }, options.certificateFile.map { "--tls-cert \($0)" },
                ]
                let named = files.compactMap { $0 }.joined(separator: ", ")
                throw SinkError(.load, context: "TLS set-up failed\(named.isEmpty ? "" : " (\(named))"): \(error)")
            }
        } catch {
            group.shutdownGracefully { _ in }
            throw error
        }
    }

    /// Fails with the option, the path and `open(2)`'s reason when `path` cannot be read (swift-nio-ssl's
    /// own errors do not name the file).
    private static func checkReadable(_ path: String, option: String, directoryAllowed: Bool) throws(SinkError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SinkError(.load, errno: Glibc.errno, context: "\(option) \(path)") }
        defer { _ = Glibc.close(descriptor) }
        var status = stat()
        if !directoryAllowed, fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw SinkError(.load, errno: EISDIR, context: "\(option) \(path)")
        }
    }

    deinit {
        close()
        group.shutdownGracefully { _ in }
    }

    var isOpen: Bool { channel?.isActive ?? false }

    var wireBytesSent: Int { counter.count }

    func open() throws(SinkError) {
        close()
        let counter = WireByteCounter()
        let watcher = InboundWatcher()
        let handshake = group.next().makePromise(of: Void.self)
        let serverHostname = Self.isIPLiteral(host) ? nil : host  // RFC 6066 §3: no IP literals in SNI
        let context = self.context
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(Self.timeLimitSeconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                    try channel.pipeline.syncOperations.addHandler(counter)
                    try channel.pipeline.syncOperations.addHandler(watcher)
                    try channel.pipeline.syncOperations.addHandler(tls)
                    let waiter = HandshakeWaiter(promise: handshake, watcher: watcher)
                    try channel.pipeline.syncOperations.addHandler(waiter)
                }
            }
        let connected: any Channel
        do {
            connected = try bootstrap.connect(host: host, port: port).wait()
        } catch {
            handshake.fail(HandshakeWaiter.ClosedEarly())
            let code = Self.errno(of: error)
            throw SinkError(.connect, errno: code, context: code == 0 ? "\(error)" : "")
        }
        let limit = connected.eventLoop.scheduleTask(in: .seconds(Self.timeLimitSeconds)) {
            connected.close(promise: nil)
        }
        defer { limit.cancel() }
        do {
            try handshake.futureResult.wait()
        } catch {
            connected.close(promise: nil)
            throw SinkError(.connect, context: "TLS handshake failed: \(error)")
        }
        try awaitAcceptance(of: connected, watcher: watcher)
        self.counter = counter
        channel = connected
    }

    /// TLS 1.3 ends the client's handshake before the server has checked the client's Finished and
    /// certificate; a refusal then arrives as an alert after the client has started sending, and records
    /// the server's kernel acknowledged would be lost unseen. So before the first record, wait for the
    /// server's verdict: its first post-handshake flight (session tickets), after which the connection
    /// must stay up for ``acceptanceGrace``, or its closing the connection (a connect failure: nothing was
    /// sent). A server that sends no tickets costs one ``acceptanceWait`` per connection.
    private func awaitAcceptance(of channel: any Channel, watcher: InboundWatcher) throws(SinkError) {
        let version = (try? channel.nioSSL_tlsVersion().wait()) ?? nil
        guard version == .tlsv13 else { return }  // TLS 1.2: the server's Finished came after its checks
        let clock = ContinuousClock()
        let deadline = clock.now + Self.acceptanceWait
        var flightSeen: ContinuousClock.Instant?
        while clock.now < deadline {
            let (active, reads) =
                (try? channel.eventLoop.submit { (channel.isActive, watcher.readsAfterHandshake) }.wait())
                ?? (false, 0)
            guard active else {
                channel.close(promise: nil)
                throw SinkError(.connect, context: "the collector closed the connection after the TLS handshake")
            }
            if reads > 0 {
                if let seen = flightSeen {
                    if clock.now - seen >= Self.acceptanceGrace { return }
                } else {
                    flightSeen = clock.now
                }
            }
            usleep(5_000)
        }
    }

    func send(_ bytes: [UInt8]) throws(SinkError) {
        guard let channel else { throw SinkError(.send, errno: EBADF, context: "not connected") }
        let limit = channel.eventLoop.scheduleTask(in: .seconds(Self.timeLimitSeconds)) {
            channel.close(promise: nil)  // a stalled collector: give up on this connection
        }
        defer { limit.cancel() }
        do {
            try channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).wait()
        } catch {
            let code = Self.errno(of: error)
            throw SinkError(.send, errno: code, context: code == 0 ? "\(error)" : "")
        }
    }

    func wireBytesAcknowledged() -> Int? {
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        #if os(Linux)
            let info: EventLoopFuture<KernelTCPInfo> = provider.unsafeGetSocketOption(
                level: SocketOptionLevel(IPPROTO_TCP),
                name: SocketOptionName(TCP_INFO)
            )
            return (try? info.wait())?.bytesAcknowledged
        #else
            return nil
        #endif
    }

    func close() {
        guard let channel else { return }
        self.channel = nil
        try? channel.close().wait()  // sends close_notify, then closes the socket
    }

    func closeGracefully(until deadline: Date) -> Int? {
        guard let channel else { return nil }
        var acknowledged = wireBytesAcknowledged()
        while channel.isActive, (acknowledged ?? 0) < wireBytesSent, Date() < deadline {
            usleep(10_000)
            acknowledged = wireBytesAcknowledged() ?? acknowledged
        }
        close()  // close_notify; the close waits up to `shutdownTimeout` for the collector's
        return acknowledged.map { min($0, wireBytesSent) }
    }

    func takePendingError() -> Int32 { 0 }

    private static func isIPLiteral(_ host: String) -> Bool {
        (try? NIOCore.SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// The errno behind a swift-nio error, also inside the per-address failures of a connection attempt.
    private static func errno(of error: any Error) -> Int32 {
        if let failure = error as? NIOConnectionError {
            return failure.connectionErrors.lazy.compactMap { ($0.error as? IOError)?.errnoCode }.first ?? 0
        }
        return (error as? IOError)?.errnoCode ?? 0
    }
}
