import Prometheus
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor

/// The metrics `live --metrics-listen` serves, kept in a swift-prometheus `PrometheusCollectorRegistry`.
///
/// Every series is registered up front with its help text, one per value of a fixed label set (event types,
/// parse-error reasons, retire reasons, configured outputs), so a scrape shows zeros before the first event
/// and no label value ever comes from packet data. ``publish(_:)`` copies a ``MetricsSample`` in: counters
/// grow by what the sensor's totals grew since the last publish, gauges are set. One thread publishes (the
/// capture loop); the registry is thread-safe, so the HTTP server renders it from its own thread.
package final class SensorMetrics {
    /// The registry the HTTP server renders.
    package let registry: PrometheusCollectorRegistry

    private var packets: PublishedCounter
    private var bytes: PublishedCounter
    private var droppedKernel: PublishedCounter
    private var droppedInterface: PublishedCounter
    private var handshakes: PublishedCounter
    private var flowsCreated: PublishedCounter
    private var sshStreams: PublishedCounter
    private var httpStreams: PublishedCounter
    private var expired: PublishedCounter
    private var evicted: PublishedCounter
    private var releasedForMemory: PublishedCounter
    /// Indexed like `EventType.allCases`.
    private var eventsWritten: [PublishedCounter]
    private var suppressed: [PublishedCounter]
    /// Indexed like `ParseError.Reason.allCases`.
    private var parseErrors: [PublishedCounter]
    private let flowsActive: Gauge
    private let bufferedBytes: Gauge
    private var outputs: [OutputSeries]

    /// Registers every series. `outputs` are the configured outputs' destinations in `--output` order
    /// (operator configuration, used as the `destination` label); `version` and `commit` label
    /// `tlsprint_build_info`.
    package init(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        version: String,
        commit: String,
        outputs: [String]
    ) {
        self.registry = registry
        let buildInfo = registry.makeGauge(
            descriptor: .tlsprint(
                "build_info",
                "The tlsprint version and the commit it was built from; the value is always 1."
            ),
            labels: [("version", version), ("commit", commit)]
        )
        buildInfo.set(to: 1)
        func counter(_ name: String, _ help: String) -> PublishedCounter {
            PublishedCounter(registry.makeCounter(descriptor: .tlsprint(name, help)))
        }
        func counter(_ name: String, _ label: (String, String), _ help: String) -> PublishedCounter {
            PublishedCounter(registry.makeCounter(descriptor: .tlsprint(name, help), labels: [label]))
        }
        packets = counter("packets_total", "Packets the sensor read from the capture.")
        bytes = counter(
            "bytes_total",
            "Bytes of the packets the sensor read, as captured (at most the snapshot length each)."
        )
        droppedKernel = counter(
            "dropped_kernel_total",
            "Packets the kernel capture buffer had no room for (libpcap ps_drop)."
        )
        droppedInterface = counter(
            "dropped_interface_total",
            "Packets the interface or its driver dropped (libpcap ps_ifdrop; 0 where unsupported)."
        )
        handshakes = counter(
            "handshakes_total",
            "TLS handshakes whose ServerHello the sensor parsed (over TCP, QUIC, DTLS or OpenVPN)."
        )
        flowsCreated = counter(
            "flows_created_total",
            "Flows opened in the sensor's flow tables (TCP, QUIC, DTLS, OpenVPN)."
        )
        let streamsHelp = "TCP streams recognised as SSH or as HTTP/1.x, by protocol."
        sshStreams = counter("streams_total", ("protocol", "ssh"), streamsHelp)
        httpStreams = counter("streams_total", ("protocol", "http"), streamsHelp)
        let retiredHelp =
            "Flows that left the flow tables, by reason: expired (idle for the flow timeout), evicted (table full), "
            + "released_for_memory (reassembly buffers at the memory budget)."
        expired = counter("flows_retired_total", ("reason", "expired"), retiredHelp)
        evicted = counter("flows_retired_total", ("reason", "evicted"), retiredHelp)
        releasedForMemory = counter("flows_retired_total", ("reason", "released_for_memory"), retiredHelp)
        eventsWritten = EventType.allCases.map {
            counter(
                "events_total",
                ("type", $0.rawValue),
                "Events handed to the outputs, by event type (after dedup)."
            )
        }
        suppressed = EventType.allCases.map {
            counter(
                "events_suppressed_total",
                ("type", $0.rawValue),
                "Events dedup held back as repeats within the dedup TTL, by event type."
            )
        }
        parseErrors = ParseError.Reason.allCases.map {
            counter(
                "parse_errors_total",
                ("reason", $0.rawValue),
                "Parse errors of any stage (packet, fragment, TLS, hellos, certificate, QUIC, DTLS, OpenVPN), by reason."
            )
        }
        flowsActive = registry.makeGauge(descriptor: .tlsprint("flows_active", "Flows the sensor tracks now."))
        bufferedBytes = registry.makeGauge(
            descriptor: .tlsprint(
                "buffered_bytes",
                "Bytes all reassembly buffers hold now (bounded by the memory budget, --memcap)."
            )
        )
        self.outputs = outputs.enumerated().map {
            OutputSeries(registry: registry, index: $0.offset, destination: $0.element)
        }
    }

    /// Copies `sample` into the registry.
    package func publish(_ sample: MetricsSample) {
        let sensor = sample.sensor
        packets.publish(sensor.packets)
        bytes.publish(sensor.bytes)
        droppedKernel.publish(sample.droppedKernel)
        droppedInterface.publish(sample.droppedInterface)
        handshakes.publish(sensor.handshakes)
        flowsCreated.publish(sensor.flowsCreated)
        sshStreams.publish(sensor.sshStreams)
        httpStreams.publish(sensor.httpStreams)
        expired.publish(sensor.flowsExpired)
        evicted.publish(sensor.flowsEvicted)
        releasedForMemory.publish(sensor.flowsReleasedForMemory)
        for (index, type) in EventType.allCases.enumerated() {
            eventsWritten[index].publish(sample.eventsWritten[type] ?? 0)
            suppressed[index].publish(sensor.suppressedByType[type] ?? 0)
        }
        let byReason = sensor.parseErrorsByReason
        for (index, reason) in ParseError.Reason.allCases.enumerated() {
            parseErrors[index].publish(byReason.first { $0.0 == reason }?.1 ?? 0)
        }
        flowsActive.set(to: Double(sample.activeFlows))
        bufferedBytes.set(to: Double(sensor.bufferedBytes))
        for (index, output) in sample.outputs.enumerated() where index < outputs.count {
            outputs[index].publish(output)
        }
    }
}

/// The series of one configured output, labelled `output` (its position in `--output` order) and
/// `destination` (its `--output` text).
private struct OutputSeries {
    var sent: PublishedCounter
    var dropped: PublishedCounter
    let queueDepth: Gauge
    let connected: Gauge

    init(registry: PrometheusCollectorRegistry, index: Int, destination: String) {
        let labels = [("output", String(index)), ("destination", destination)]
        let sentHelp = "Events an output wrote (stdout, file) or its socket accepted (udp, tcp, tls)."
        sent = PublishedCounter(
            registry.makeCounter(descriptor: .tlsprint("output_sent_total", sentHelp), labels: labels)
        )
        let droppedHelp = "Events an output dropped: its queue overflowed, a send failed, or they were left at exit."
        dropped = PublishedCounter(
            registry.makeCounter(descriptor: .tlsprint("output_dropped_total", droppedHelp), labels: labels)
        )
        let depthHelp = "Events waiting in an output's queue now (at most 10000)."
        queueDepth = registry.makeGauge(descriptor: .tlsprint("output_queue_depth", depthHelp), labels: labels)
        let connectedHelp =
            "1 while a network output has its connection open (udp: a connected socket), else 0; 1 for stdout and files."
        connected = registry.makeGauge(descriptor: .tlsprint("output_connected", connectedHelp), labels: labels)
    }

    mutating func publish(_ sample: OutputSample) {
        sent.publish(sample.sent)
        dropped.publish(sample.dropped)
        queueDepth.set(to: Double(sample.queueDepth))
        connected.set(to: (sample.connected ?? true) ? 1 : 0)
    }
}

extension MetricNameDescriptor {
    /// `tlsprint_<name>` with its help text. The name keeps its unit suffix (`_total`, `_bytes`) itself: the
    /// descriptor joins non-empty parts with underscores, so an empty unit adds nothing.
    fileprivate static func tlsprint(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "tlsprint", metricName: name, unitName: "", helpText: help)
    }
}
