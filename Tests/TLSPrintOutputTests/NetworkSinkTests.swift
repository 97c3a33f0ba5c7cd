import Glibc
import TLSPrintEvent
import TLSPrintSensor
import Testing

@testable import TLSPrintOutput

@Suite(.serialized) struct NetworkSinkTests {
    let syslog = OutputFormat.syslog.encoder(identity: SampleEvents.identity)
    let json = OutputFormat.json.encoder(identity: SampleEvents.identity)

    @Test func udpSendsOneMessagePerDatagram() throws {
        let listener = try LoopbackSocket(datagram: true)
        var sink = try SyslogUDPSink(host: "127.0.0.1", port: listener.port, encoding: syslog)
        for event in SampleEvents.all { try sink.write(event) }
        try sink.flush()
        for event in SampleEvents.all {
            #expect(listener.receiveDatagram() == syslog.record(event))  // no trailing LF (RFC 5426 §3.1)
        }
        let counters = sink.finish(timeout: 2)
        #expect(counters.sent == SampleEvents.all.count && counters.dropped == 0)
    }

    @Test func udpTruncatesAtACharacterBoundary() throws {
        let listener = try LoopbackSocket(datagram: true)
        var sink = try SyslogUDPSink(host: "127.0.0.1", port: listener.port, encoding: json, maximumDatagram: 100)
        let event = SampleEvents.hello(sni: Array(String(repeating: "ü", count: 100).utf8))
        try sink.write(event)
        let datagram = try #require(listener.receiveDatagram())
        #expect(datagram.count <= 100 && datagram.count >= 98)
        #expect(String(validating: datagram, as: UTF8.self) != nil)
        #expect(Array(json.record(event).prefix(datagram.count)) == datagram)
        #expect(sink.finish(timeout: 2).truncated == 1)
    }

    @Test func truncationPoint() {
        let bytes: [UInt8] = [0x61, 0xE2, 0x82, 0xAC, 0x62]  // a € b
        #expect(SyslogUDPSink.truncationPoint(bytes, limit: 5) == 5)
        #expect(SyslogUDPSink.truncationPoint(bytes, limit: 4) == 4)
        #expect(SyslogUDPSink.truncationPoint(bytes, limit: 3) == 1)
        #expect(SyslogUDPSink.truncationPoint(bytes, limit: 2) == 1)
        #expect(SyslogUDPSink.truncationPoint(bytes, limit: 1) == 1)
    }

    @Test func tcpOctetCounting() throws {
        let listener = try LoopbackSocket(datagram: false)
        var sink = try SyslogStreamSink(host: "127.0.0.1", port: listener.port, encoding: syslog)
        try sink.write(SampleEvents.startup)
        try sink.write(SampleEvents.stats)
        // RFC 6587 §3.4.1: MSG-LEN SP SYSLOG-MSG, the length in octets.
        let first = syslog.record(SampleEvents.startup)
        let second = syslog.record(SampleEvents.stats)
        let expected = Array("\(first.count) ".utf8) + first + Array("\(second.count) ".utf8) + second
        #expect(listener.receiveStream(count: expected.count) == expected)
        #expect(sink.finish(timeout: 2).sent == 2)
    }

    @Test func tcpLineFeedFraming() throws {
        let listener = try LoopbackSocket(datagram: false)
        var sink = try SyslogStreamSink(host: "127.0.0.1", port: listener.port, encoding: json, framing: .lineFeed)
        for event in SampleEvents.all { try sink.write(event) }
        let expected = SampleEvents.all.flatMap { json.line($0) }
        #expect(listener.receiveStream(count: expected.count) == expected)
        _ = sink.finish(timeout: 2)
    }

    @Test func tcpReconnectsWhenTheCollectorComesBack() throws {
        let listener = try LoopbackSocket(datagram: false)
        var sink = try SyslogStreamSink(host: "127.0.0.1", port: listener.port, encoding: json, framing: .lineFeed)
        try sink.write(SampleEvents.startup)
        let first = json.line(SampleEvents.startup)
        #expect(listener.receiveStream(count: first.count) == first)
        listener.dropConnection()
        // The first sends after the peer closed may still be accepted by the kernel; keep writing until
        // the sink notices, reconnects, and a record arrives on the new connection.
        var arrived: [UInt8] = []
        for _ in 0..<50 where arrived.isEmpty {
            try sink.write(SampleEvents.stats)
            usleep(50_000)
            var poll = pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)
            if Glibc.poll(&poll, 1, 0) > 0 { arrived = listener.receiveStream(count: 1) }
        }
        #expect(!arrived.isEmpty)
        let counters = sink.finish(timeout: 2)
        #expect(counters.connections >= 2)
    }

    @Test func overflowDropsOldestAndFinishGivesUp() throws {
        // A port nobody listens on: bind, learn the port, close.
        let port = try LoopbackSocket(datagram: false).port
        var sink = try SyslogStreamSink(
            host: "127.0.0.1",
            port: port,
            encoding: syslog,
            queueCapacity: 3
        )
        for _ in 0..<10 { try sink.write(SampleEvents.stats) }
        let counters = sink.finish(timeout: 0.3)
        #expect(counters.queued == 10)
        #expect(counters.droppedOverflow >= 6)
        #expect(counters.sent == 0)
        #expect(counters.dropped == 10)
        #expect(counters.connectFailures >= 1)
    }

    @Test func writesAfterFinishAreCountedAsDropped() throws {
        let listener = try LoopbackSocket(datagram: true)
        var sink = try SyslogUDPSink(host: "127.0.0.1", port: listener.port, encoding: syslog)
        _ = sink.finish(timeout: 1)
        try sink.write(SampleEvents.stats)
        #expect(sink.counters.droppedAtExit == 1 && sink.counters.sent == 0)
    }

    @Test func unresolvableHostIsAnError() {
        #expect(throws: SinkError.self) {
            _ = try SyslogUDPSink(host: "no-such-host.invalid", port: 514, encoding: syslog)
        }
    }
}
