import Prometheus
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import Testing

@testable import TLSPrintMetrics

/// The counter → registry mapping: HELP and TYPE for every family, every fixed label value registered up
/// front, counters that follow the sensor's totals across publishes, gauges that follow the last value.
@Suite struct SensorMetricsTests {
    static func sample(scale: Int) -> MetricsSample {
        var counters = SensorCounters()
        counters.packets = 100 * scale
        counters.bytes = 64_000 * scale
        counters.handshakes = 3 * scale
        counters.flowsCreated = 7 * scale
        counters.flowsExpired = 2 * scale
        counters.flowsEvicted = 1 * scale
        counters.flowsReleasedForMemory = 0
        counters.sshStreams = scale
        counters.httpStreams = 2 * scale
        counters.bufferedBytes = 4_096 * scale
        counters.suppressedByType = [.tlsClientHello: 5 * scale]
        for _ in 0..<scale {
            counters.count(ParseError(.truncated, at: 0), in: .clientHello)
            counters.count(ParseError(.truncated, at: 3), in: .packet)
            counters.count(ParseError(.invalidValue, at: 9), in: .certificate)
        }
        var sample = MetricsSample(sensor: counters, activeFlows: 4 * scale)
        sample.droppedKernel = 11 * scale
        sample.droppedInterface = 0
        sample.eventsWritten = [.startup: 1, .tlsClientHello: 3 * scale, .sensorStats: scale]
        sample.outputs = [
            OutputSample(sent: 9 * scale, dropped: 0, queueDepth: 2, connected: nil),
            OutputSample(sent: 8 * scale, dropped: scale, queueDepth: 1, connected: scale == 1),
        ]
        return sample
    }

    static func render(_ metrics: SensorMetrics) -> [String] {
        metrics.registry.emitToString().split(separator: "\n").map(String.init)
    }

    static func makeMetrics() -> SensorMetrics {
        SensorMetrics(version: "0.1.0", commit: "abc123", outputs: ["-", "udp://collector:514"])
    }

    @Test func everyFamilyHasHelpAndType() {
        let lines = Self.render(Self.makeMetrics())
        let families: [(String, String)] = [
            ("tlsprint_build_info", "gauge"), ("tlsprint_packets_total", "counter"),
            ("tlsprint_bytes_total", "counter"), ("tlsprint_dropped_kernel_total", "counter"),
            ("tlsprint_dropped_interface_total", "counter"), ("tlsprint_handshakes_total", "counter"),
            ("tlsprint_flows_created_total", "counter"), ("tlsprint_flows_retired_total", "counter"),
            ("tlsprint_flows_active", "gauge"), ("tlsprint_buffered_bytes", "gauge"),
            ("tlsprint_streams_total", "counter"), ("tlsprint_events_total", "counter"),
            ("tlsprint_events_suppressed_total", "counter"), ("tlsprint_parse_errors_total", "counter"),
            ("tlsprint_output_sent_total", "counter"), ("tlsprint_output_dropped_total", "counter"),
            ("tlsprint_output_queue_depth", "gauge"), ("tlsprint_output_connected", "gauge"),
        ]
        for (name, type) in families {
            #expect(lines.contains("# TYPE \(name) \(type)"), "\(name)")
            #expect(lines.contains { $0.hasPrefix("# HELP \(name) ") && $0.count > "# HELP \(name) ".count + 10 })
        }
        let helpLines = lines.filter { $0.hasPrefix("# HELP ") }
        let typeLines = lines.filter { $0.hasPrefix("# TYPE ") }
        #expect(helpLines.count == families.count)
        #expect(typeLines.count == families.count)
    }

    @Test func everyFixedLabelValueStartsAtZero() {
        let lines = Self.render(Self.makeMetrics())
        for type in EventType.allCases {
            #expect(lines.contains("tlsprint_events_total{type=\"\(type.rawValue)\"} 0"))
            #expect(lines.contains("tlsprint_events_suppressed_total{type=\"\(type.rawValue)\"} 0"))
        }
        for reason in ParseError.Reason.allCases {
            #expect(lines.contains("tlsprint_parse_errors_total{reason=\"\(reason.rawValue)\"} 0"))
        }
        for reason in ["expired", "evicted", "released_for_memory"] {
            #expect(lines.contains("tlsprint_flows_retired_total{reason=\"\(reason)\"} 0"))
        }
        #expect(lines.contains("tlsprint_build_info{version=\"0.1.0\",commit=\"abc123\"} 1.0"))
        #expect(lines.contains("tlsprint_output_sent_total{output=\"1\",destination=\"udp://collector:514\"} 0"))
    }

    @Test func publishedValuesFollowTheSensorTotals() {
        let metrics = Self.makeMetrics()
        metrics.publish(Self.sample(scale: 1))
        metrics.publish(Self.sample(scale: 3))
        metrics.publish(Self.sample(scale: 3))  // nothing grew: nothing added
        let lines = Set(Self.render(metrics))
        let expected = [
            "tlsprint_packets_total 300",
            "tlsprint_bytes_total 192000",
            "tlsprint_dropped_kernel_total 33",
            "tlsprint_dropped_interface_total 0",
            "tlsprint_handshakes_total 9",
            "tlsprint_flows_created_total 21",
            "tlsprint_flows_retired_total{reason=\"expired\"} 6",
            "tlsprint_flows_retired_total{reason=\"evicted\"} 3",
            "tlsprint_flows_retired_total{reason=\"released_for_memory\"} 0",
            "tlsprint_streams_total{protocol=\"ssh\"} 3",
            "tlsprint_streams_total{protocol=\"http\"} 6",
            "tlsprint_flows_active 12.0",
            "tlsprint_buffered_bytes 12288.0",
            "tlsprint_events_total{type=\"startup\"} 1",
            "tlsprint_events_total{type=\"tls_client_hello\"} 9",
            "tlsprint_events_total{type=\"sensor_stats\"} 3",
            "tlsprint_events_total{type=\"tls_session\"} 0",
            "tlsprint_events_suppressed_total{type=\"tls_client_hello\"} 15",
            "tlsprint_parse_errors_total{reason=\"truncated\"} 6",
            "tlsprint_parse_errors_total{reason=\"invalidValue\"} 3",
            "tlsprint_parse_errors_total{reason=\"limitExceeded\"} 0",
            "tlsprint_output_sent_total{output=\"0\",destination=\"-\"} 27",
            "tlsprint_output_sent_total{output=\"1\",destination=\"udp://collector:514\"} 24",
            "tlsprint_output_dropped_total{output=\"1\",destination=\"udp://collector:514\"} 3",
            "tlsprint_output_queue_depth{output=\"0\",destination=\"-\"} 2.0",
            "tlsprint_output_connected{output=\"0\",destination=\"-\"} 1.0",
            "tlsprint_output_connected{output=\"1\",destination=\"udp://collector:514\"} 0.0",
        ]
        for line in expected { #expect(lines.contains(line), "\(line)") }
    }

    @Test func aTotalThatFallsNeverTakesACounterDown() {
        let metrics = Self.makeMetrics()
        metrics.publish(Self.sample(scale: 2))
        metrics.publish(Self.sample(scale: 1))  // the source started over at a lower total
        #expect(Self.render(metrics).contains("tlsprint_packets_total 200"))
        metrics.publish(Self.sample(scale: 3))  // grew by 200 from its new base
        #expect(Self.render(metrics).contains("tlsprint_packets_total 400"))
    }
}
