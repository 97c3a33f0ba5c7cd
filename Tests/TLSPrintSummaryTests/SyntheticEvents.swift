import TLSPrintCore
import TLSPrintEvent
import TLSPrintTestSupport

/// Made-up events for the bound tests: only the fields the summary reads are meaningful.
enum SyntheticEvents {
    static func clientHello(ja4: String, source: String, sni: String, second: Int64, labels: [String] = []) -> Event {
        var event = TLSClientHelloEvent(
            timestamp: CaptureTimestamp(seconds: 1_700_000_000 + second, nanoseconds: 0),
            endpoints: EventEndpoints(
                clientIP: source,
                clientPort: 40_000,
                serverIP: "192.0.2.1",
                serverPort: 443,
                transport: .tcp
            ),
            tlsVersion: "TLS 1.3",
            client: .synthetic(ja3: "ja3-" + ja4, ja4: ja4, serverName: Array(sni.utf8)),
            latency: LatencyFields(),
            ech: false
        )
        event.annotations.labels = labels
        return .tlsClientHello(event)
    }

    /// An IPv4 address from a number (10.x.y.z).
    static func address(_ number: Int) -> String {
        "10.\(number >> 16 & 0xFF).\(number >> 8 & 0xFF).\(number & 0xFF)"
    }
}
