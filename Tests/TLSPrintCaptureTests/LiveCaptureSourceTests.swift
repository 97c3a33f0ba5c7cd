import Glibc
import TLSPrintCapture
import TLSPrintCore
import Testing

/// Live capture on the loopback interface. Needs root (CAP_NET_RAW); skipped otherwise.
@Suite(.enabled(if: getuid() == 0, "live capture tests need root (CAP_NET_RAW) to open the loopback interface"))
struct LiveCaptureSourceTests {
    /// What one captured packet looked like (the bytes are lent only during the callback).
    struct Seen {
        var info: CaptureInfo
        var tail: [UInt8]
    }

    @Test func deliversUDPDatagramsSentToLoopback() throws {
        let port = UInt16.random(in: 40_000...60_000)
        var configuration = LiveCaptureConfiguration(interface: "lo")
        configuration.filter = "udp and dst port \(port)"
        let source = try LiveCaptureSource(configuration: configuration)
        #expect(source.linkType == .ethernet)  // Linux loopback is DLT_EN10MB with zero MACs
        let payloads: [[UInt8]] = [[0x41], Array(repeating: 0x42, count: 100), Array(repeating: 0x43, count: 1_000)]
        for payload in payloads { try sendUDP(payload, to: port) }
        var seen: [Seen] = []
        let deadline = monotonicSeconds() + 5
        while seen.count < payloads.count, monotonicSeconds() < deadline {
            _ = try source.dispatch(timeoutMilliseconds: 100) { info, bytes in
                let count = min(bytes.count, 1_000)
                var tail: [UInt8] = []
                for index in (bytes.count - count)..<bytes.count { tail.append(bytes[index]) }
                seen.append(Seen(info: info, tail: tail))
            }
        }
        try #require(seen.count == payloads.count)
        for (packet, payload) in zip(seen, payloads) {
            let frameLength = 14 + 20 + 8 + payload.count  // Ethernet + IPv4 + UDP + data
            #expect(packet.info.capturedLength == frameLength)
            #expect(packet.info.originalLength == frameLength)
            #expect(packet.info.linkType == .ethernet)
            #expect(packet.tail.suffix(payload.count).elementsEqual(payload))
            let age = Double(wallNanoseconds() - packet.info.timestamp.nanoseconds) / 1e9
            #expect(age >= 0 && age < 10)
        }
        let statistics = try source.statistics()
        #expect(statistics.received >= payloads.count)
        #expect(statistics.droppedKernel == 0)
    }

    @Test func idleWaitReturnsAfterTheTimeout() throws {
        var configuration = LiveCaptureConfiguration(interface: "lo")
        configuration.filter = "udp and dst port 9"  // discard: nothing is sent there
        let source = try LiveCaptureSource(configuration: configuration)
        let started = monotonicSeconds()
        let step = try source.dispatch(timeoutMilliseconds: 150) { _, _ in }
        #expect(step == .idle)
        #expect(monotonicSeconds() - started >= 0.1)
    }

    @Test func stopEndsTheNextDispatch() throws {
        let source = try LiveCaptureSource(configuration: LiveCaptureConfiguration(interface: "lo"))
        source.stop()
        #expect(source.isStopped)
        #expect(try source.dispatch(timeoutMilliseconds: 1_000) { _, _ in } == .stopped)
    }

    @Test func badFilterIsAFilterError() {
        var configuration = LiveCaptureConfiguration(interface: "lo")
        configuration.filter = "tcp port"
        #expect {
            _ = try LiveCaptureSource(configuration: configuration)
        } throws: { error in
            guard case .live(let interface, let operation, let message, let denied)? = error as? CaptureError else {
                return false
            }
            return interface == "lo" && operation == "filter" && message.contains("tcp port") && !denied
        }
    }

    @Test func missingInterfaceSaysSo() {
        let configuration = LiveCaptureConfiguration(interface: "tlsprint-none0")
        #expect {
            _ = try LiveCaptureSource(configuration: configuration)
        } throws: { error in
            guard let capture = error as? CaptureError, case .live(_, "activate", let message, false) = capture else {
                return false
            }
            return message.contains("no such interface")
        }
    }

    @Test func loopbackIsListedAsLoopback() throws {
        let interfaces = try InterfaceList.all()
        let loopback = try #require(interfaces.first { $0.name == "lo" })
        #expect(loopback.isLoopback && loopback.isUp)
        #expect(loopback.addresses.contains("127.0.0.1"))
    }

    private func sendUDP(_ payload: [UInt8], to port: UInt16) throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                sendto(socket, payload, payload.count, 0, raw, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(sent == payload.count)
    }

    private func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func wallNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
