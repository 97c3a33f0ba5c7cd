import TLSPrintEvent
import TLSPrintSensor

/// One reading of what `live` counts, taken on the capture thread and handed to ``SensorMetrics/publish(_:)``.
/// Every count is a total since the capture started, except the gauges (`activeFlows`, an output's queue
/// depth and connection state).
package struct MetricsSample: Sendable {
    /// The sensor's counters (`Sensor.snapshotCounters()`).
    package var sensor: SensorCounters
    /// Flows tracked now, in every table.
    package var activeFlows: Int
    /// libpcap's `ps_drop`: packets the kernel ring had no room for.
    package var droppedKernel: Int
    /// libpcap's `ps_ifdrop`: packets the interface or its driver dropped.
    package var droppedInterface: Int
    /// Events handed to the outputs, by type (the sensor's after dedup, plus `startup` and `sensor_stats`).
    package var eventsWritten: [EventType: Int]
    /// One entry per configured output, in `--output` order.
    package var outputs: [OutputSample]

    /// A sample of the given sensor counters; the other counts start at zero.
    package init(sensor: SensorCounters, activeFlows: Int) {
        self.sensor = sensor
        self.activeFlows = activeFlows
        droppedKernel = 0
        droppedInterface = 0
        eventsWritten = [:]
        outputs = []
    }
}

/// What one output did with the events it was given.
package struct OutputSample: Hashable, Sendable {
    /// Events the output wrote (stdout, file) or its socket accepted (network).
    package var sent: Int
    /// Events it dropped: queue overflow, failed sends, left at exit.
    package var dropped: Int
    /// Events waiting in its queue now.
    package var queueDepth: Int
    /// Whether a network output has its connection (UDP: a connected socket) open now; nil for local outputs.
    package var connected: Bool?

    /// The given counts.
    package init(sent: Int, dropped: Int, queueDepth: Int, connected: Bool?) {
        self.sent = sent
        self.dropped = dropped
        self.queueDepth = queueDepth
        self.connected = connected
    }
}
