import TLSPrintCapture
import TLSPrintMetrics
import TLSPrintSensor

/// `live --metrics-listen`: the registry the capture loop publishes into and the server that renders it.
///
/// The capture thread publishes at most once a second of monotonic time (the loop wakes at least every
/// 200 ms), and once more at exit; a scrape renders whatever was published last, on the server's thread.
final class LiveMetrics {
    /// Nanoseconds between publishes.
    static let publishInterval: Int64 = 1_000_000_000

    private let metrics: SensorMetrics
    private let server: MetricsServer
    private var nextPublish: Int64 = 0

    /// Binds `address` and registers every series (one set per configured output).
    /// - Throws: the bind failure.
    init(address: MetricsListenAddress, destinations: [String]) throws(MetricsServerError) {
        metrics = SensorMetrics(version: BuildInfo.version, commit: BuildInfo.commit, outputs: destinations)
        server = try MetricsServer(address: address, registry: metrics.registry)
    }

    /// The address the server listens on (the kernel's port when 0 was asked for).
    var boundAddress: MetricsListenAddress { server.boundAddress }

    /// Publishes a sample when a second has passed since the last one, or always when `force` is set.
    func publish(
        at now: Int64,
        sensor: inout Sensor,
        source: LiveCaptureSource,
        sinks: LiveSinks,
        force: Bool = false
    ) {
        guard force || now >= nextPublish else { return }
        nextPublish = now + Self.publishInterval
        var sample = MetricsSample(sensor: sensor.snapshotCounters(), activeFlows: sensor.activeFlows)
        let capture = (try? source.statistics()) ?? LiveCaptureStatistics()
        sample.droppedKernel = capture.droppedKernel
        sample.droppedInterface = capture.droppedInterface
        sample.eventsWritten = sinks.written
        sample.outputs = sinks.outputSamples
        metrics.publish(sample)
    }

    /// Stops serving.
    func close() {
        server.close()
    }
}
