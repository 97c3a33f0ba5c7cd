import Foundation
import Glibc
import Prometheus
import Testing

@testable import TLSPrintMetrics

/// The `/metrics` server on loopback, spoken to over real sockets: the exposition, 404 and 405, limits,
/// and bind failures.
@Suite(.serialized) struct MetricsServerTests {
    static func start() throws -> (MetricsServer, SensorMetrics) {
        let metrics = SensorMetrics(version: "0.1.0", commit: "unknown", outputs: ["-"])
        let server = try MetricsServer(
            address: MetricsListenAddress(host: "127.0.0.1", port: 0),
            registry: metrics.registry
        )
        return (server, metrics)
    }

    @Test func servesTheRegistryAtMetrics() throws {
        let (server, metrics) = try Self.start()
        defer { server.close() }
        #expect(server.boundAddress.port > 0)
        var sample = SensorMetricsTests.sample(scale: 2)
        sample.outputs = [OutputSample(sent: 5, dropped: 0, queueDepth: 0, connected: nil)]
        metrics.publish(sample)
        let response = try #require(HTTPProbe.request(port: server.boundAddress.port, "GET", "/metrics?x=1"))
        let (head, body) = try Self.split(response)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(head.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"))
        #expect(head.contains("Content-Length: \(body.utf8.count)\r\n"))
        #expect(body == metrics.registry.emitToString())
        #expect(body.contains("\ntlsprint_packets_total 200\n"))
        #expect(body.contains("# HELP tlsprint_packets_total Packets the sensor read from the capture.\n"))
    }

    @Test func headGivesTheHeadersOnly() throws {
        let (server, _) = try Self.start()
        defer { server.close() }
        let response = try #require(HTTPProbe.request(port: server.boundAddress.port, "HEAD", "/metrics"))
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.hasSuffix("\r\n\r\n"))
    }

    @Test(arguments: ["/", "/metric", "/metrics/", "/favicon.ico", "/../metrics"])
    func otherPathsAreNotFound(path: String) throws {
        let (server, _) = try Self.start()
        defer { server.close() }
        let response = try #require(HTTPProbe.request(port: server.boundAddress.port, "GET", path))
        #expect(response.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(!response.contains("tlsprint_"))
    }

    @Test func otherMethodsAreNotAllowed() throws {
        let (server, _) = try Self.start()
        defer { server.close() }
        let response = try #require(HTTPProbe.request(port: server.boundAddress.port, "POST", "/metrics", body: "x=1"))
        #expect(response.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
        #expect(response.contains("Allow: GET, HEAD\r\n"))
    }

    @Test func anOversizedHeadIsRefusedAndClosed() throws {
        let (server, _) = try Self.start()
        defer { server.close() }
        let probe = try #require(HTTPProbe(port: server.boundAddress.port))
        let filler = String(repeating: "a", count: 16_384)
        let started = ContinuousClock.now
        _ = probe.send("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Filler: \(filler)\r\n\r\n")
        let response = probe.readAll()
        // NIO answers 400 and closes with request bytes still unread, so the kernel may reset the connection
        // before the answer is read: either way nothing is served and the connection ends at once.
        #expect(response.isEmpty || response.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(response.prefix(80))")
        #expect(!response.contains("tlsprint_"))
        #expect(ContinuousClock.now - started < .seconds(3), "closed, not left to the 5 s read timeout")
    }

    /// A client that trickles its request a byte at a time, never idle for the idle timeout, still loses the
    /// connection when the request is not whole by the request deadline; one that finishes in time is served.
    @Test func aTrickledRequestIsCutAtTheRequestDeadline() throws {
        let metrics = SensorMetrics(version: "0.1.0", commit: "unknown", outputs: ["-"])
        let server = try MetricsServer(
            address: MetricsListenAddress(host: "127.0.0.1", port: 0),
            registry: metrics.registry,
            requestTimeout: .seconds(1)
        )
        defer { server.close() }
        let slow = try #require(HTTPProbe(port: server.boundAddress.port))
        let started = ContinuousClock.now
        var sent = 0
        for byte in "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: " + String(repeating: "a", count: 40) {
            guard slow.send(String(byte)) else { break }
            sent += 1
            Thread.sleep(forTimeInterval: 0.1)
            if ContinuousClock.now - started > .seconds(4) { break }
        }
        let cut = ContinuousClock.now - started
        #expect(cut < .seconds(3), "the connection stayed open \(cut) while the request trickled in")
        #expect(sent < 40)
        #expect(slow.readAll().isEmpty)

        let prompt = try #require(HTTPProbe(port: server.boundAddress.port))
        Thread.sleep(forTimeInterval: 0.5)
        #expect(prompt.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"))
        // Keep-alive: the first answer re-arms the deadline, and a second request within it is served too.
        Thread.sleep(forTimeInterval: 0.7)
        #expect(prompt.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        #expect(prompt.readAll().components(separatedBy: "HTTP/1.1 200 OK").count == 3)
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let (server, _) = try Self.start()
        defer { server.close() }
        let probe = try #require(HTTPProbe(port: server.boundAddress.port))
        let request = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
        #expect(probe.send(request + request + "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        let response = probe.readAll()
        #expect(response.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 4)
    }

    @Test func connectionsBeyondTheLimitAreClosedAtOnce() throws {
        let (server, _) = try Self.start()
        defer { server.close() }
        let port = server.boundAddress.port
        var held: [HTTPProbe] = []
        for _ in 0..<MetricsServer.maximumConnections { held.append(try #require(HTTPProbe(port: port))) }
        // Each held connection is accepted (the kernel completes the handshake); the one past the limit is
        // accepted too and closed without an answer.
        let extra = try #require(HTTPProbe(port: port))
        _ = extra.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(extra.readAll() == "")
        held.removeAll()
        var answered = false
        for _ in 0..<50 where !answered {
            answered = HTTPProbe.request(port: port, "GET", "/metrics")?.hasPrefix("HTTP/1.1 200") == true
            if !answered { usleep(20_000) }
        }
        #expect(answered, "a slot frees when a held connection closes")
    }

    @Test func aPortInUseFailsWithItsErrno() throws {
        let (server, _) = try Self.start()
        defer { server.close() }
        let second = MetricsListenAddress(host: "127.0.0.1", port: server.boundAddress.port)
        #expect {
            _ = try MetricsServer(address: second, registry: PrometheusCollectorRegistry())
        } throws: { error in
            guard let error = error as? MetricsServerError else { return false }
            return error.errno == EADDRINUSE && !error.permissionDenied && !error.unresolved
                && "\(error)" == "--metrics-listen \(second): cannot listen: Address already in use"
        }
    }

    @Test func anAddressOfNoLocalInterfaceFails() throws {
        // 192.0.2.1 (TEST-NET-1, RFC 5737) is on no interface here: bind(2) says EADDRNOTAVAIL.
        #expect {
            _ = try MetricsServer(
                address: MetricsListenAddress(host: "192.0.2.1", port: 0),
                registry: PrometheusCollectorRegistry()
            )
        } throws: { error in
            (error as? MetricsServerError)?.errno == EADDRNOTAVAIL
        }
    }

    static func split(_ response: String) throws -> (head: String, body: String) {
        let range = try #require(response.range(of: "\r\n\r\n"))
        return (String(response[..<range.upperBound]), String(response[range.upperBound...]))
    }
}
