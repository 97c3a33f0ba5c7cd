import CoreFoundation
import Foundation
import Glibc
import TLSPrintCapture
import TLSPrintCore
import TLSPrintEvent
import TLSPrintMetrics
import TLSPrintOutput
import TLSPrintSensor

/// Wires a live capture → sensor → sinks until SIGINT/SIGTERM, with periodic `sensor_stats`.
///
/// Order at start: block signals, open the capture (a bad interface or filter fails here, before any
/// output), open the outputs, bind `--metrics-listen`, drop privileges, emit `startup`. The loop waits at
/// most `pollMilliseconds` in libpcap's descriptor, so signals, the stats timer, idle expiry and the metrics
/// publish are handled without traffic.
///
/// Idle expiry: the sensor's clock is packet time. When no packet arrives, the loop advances it to the last
/// packet's timestamp plus the monotonic time elapsed since that packet was read, so idle flows and
/// pending QUIC sessions expire on a quiet link exactly as if a packet had arrived then.
struct LivePipeline {
    var capture: LiveCaptureConfiguration
    var configuration: SensorConfiguration
    var settings: OutputSettings
    var user: String?
    var statsIntervalSeconds: Int
    var metricsAddress: MetricsListenAddress?

    static let pollMilliseconds: Int32 = 200

    /// Runs until stopped; returns the process exit status.
    func run() -> Int32 {
        let signals: SignalChannel
        do { signals = try SignalChannel() } catch {
            StandardError.line("tlsprint: \(error)")
            return ExitStatus.osError.rawValue
        }
        let source: LiveCaptureSource
        do { source = try LiveCaptureSource(configuration: capture) } catch {
            StandardError.line("tlsprint: \(error)")
            return ExitStatus(error).rawValue
        }
        if let warning = source.activationWarning { StandardError.line("tlsprint: \(capture.interface): \(warning)") }
        let sinks: LiveSinks
        do {
            sinks = try LiveSinks(settings: settings)
        } catch {
            StandardError.line("tlsprint: \(error.destination): \(error.failure)")
            return ExitStatus(error.failure).rawValue
        }
        var metrics: LiveMetrics?
        if let metricsAddress {
            do {
                metrics = try LiveMetrics(address: metricsAddress, destinations: settings.destinations.map { "\($0)" })
            } catch {
                StandardError.line("tlsprint: \(error)")
                return ExitStatus(error).rawValue
            }
        }
        if let user {
            do { try PrivilegeDrop.drop(to: user) } catch {
                StandardError.line("tlsprint: \(error)")
                return ExitStatus.permissionDenied.rawValue
            }
        }
        sinks.write([
            .startup(
                StartupEvent(
                    timestamp: WallClock.now,
                    message: "sniffer started node=\(settings.identity.nodeName)",
                    version: BuildInfo.versionLine,
                    interface: capture.interface,
                    linkType: source.linkTypeName,
                    filter: capture.filter,
                    snaplen: source.snapshotLength
                )
            )
        ])
        if !settings.quiet {
            StandardError.line(
                "tlsprint: capturing on \(capture.interface) (link type \(source.linkTypeName))"
                    + (capture.filter.map { ", filter '\($0)'" } ?? "")
            )
            if let metrics { StandardError.line("tlsprint: metrics at http://\(metrics.boundAddress)/metrics") }
        }
        defer { metrics?.close() }
        return loop(source: source, sinks: sinks, signals: signals, metrics: metrics)
    }

    private func loop(source: LiveCaptureSource, sinks: LiveSinks, signals: SignalChannel, metrics: LiveMetrics?)
        -> Int32
    {
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        events.reserveCapacity(64)
        var lastPacketTime: CaptureTimestamp?
        var lastPacketMonotonic = WallClock.monotonicNanoseconds
        let interval = Int64(statsIntervalSeconds) * 1_000_000_000
        var nextStats = WallClock.monotonicNanoseconds + interval
        var status: Int32 = 0
        var stopRequested = false
        while true {
            let step: LiveCaptureSource.Step
            do {
                step = try source.dispatch(timeoutMilliseconds: Self.pollMilliseconds) { info, frame in
                    sensor.process(info, frame: frame, into: &events)
                    lastPacketTime = info.timestamp
                }
            } catch {
                StandardError.line("tlsprint: \(error)")
                status = ExitStatus(error).rawValue
                break
            }
            let now = WallClock.monotonicNanoseconds
            switch step {
            case .delivered(let count) where count > 0:
                lastPacketMonotonic = now
            case .stopped:
                break
            default:
                if let last = lastPacketTime {
                    let elapsed = now - lastPacketMonotonic
                    sensor.advanceClock(to: CaptureTimestamp(nanoseconds: last.nanoseconds &+ elapsed), into: &events)
                }
            }
            sinks.write(events)
            events.removeAll(keepingCapacity: true)
            sinks.reportProblems()
            let pending = signals.drain()
            if pending.reopen { sinks.reopen() }
            if pending.stop {
                stopRequested = true
                break
            }
            if source.isStopped { break }
            if interval > 0, now >= nextStats {
                nextStats = now + interval
                sinks.write([
                    .sensorStats(statsEvent(&sensor, activeFlows: sensor.activeFlows, source: source, sinks: sinks))
                ])
            }
            metrics?.publish(at: now, sensor: &sensor, source: source, sinks: sinks)
        }
        if stopRequested, !capture.immediateMode {
            // Outside immediate mode the kernel hands over a partly filled ring block only when its 100 ms
            // timeout passes: wait for it once, so packets that arrived before the signal are not lost.
            _ = try? source.dispatch(timeoutMilliseconds: 150) { info, frame in
                sensor.process(info, frame: frame, into: &events)
            }
        }
        let openFlows = sensor.activeFlows  // the final report counts the flows open when capture stopped
        sensor.finish(into: &events)
        sinks.write(events)
        var final = statsEvent(&sensor, activeFlows: openFlows, source: source, sinks: sinks)
        final.final = true
        sinks.write([.sensorStats(final)])
        metrics?.publish(at: WallClock.monotonicNanoseconds, sensor: &sensor, source: source, sinks: sinks, force: true)
        let outputCounters = sinks.finish(timeout: settings.drainTimeout, finalStats: .sensorStats(final))
        metrics?.publish(at: WallClock.monotonicNanoseconds, sensor: &sensor, source: source, sinks: sinks, force: true)
        if !settings.quiet {
            for (destination, counters) in outputCounters {
                StandardError.line("tlsprint: \(destination): \(counters.summary)")
            }
            let counters = sensor.snapshotCounters()
            StandardError.line(
                "tlsprint: \(counters.packets) packets, \(counters.handshakes) handshakes, \(counters.events) events, "
                    + "kernel drops \(final.droppedKernel)"
            )
        }
        return status
    }

    /// A `sensor_stats` event: the sensor's counters with libpcap's drops and the outputs' drops.
    private func statsEvent(
        _ sensor: inout Sensor,
        activeFlows: Int,
        source: LiveCaptureSource,
        sinks: LiveSinks
    ) -> SensorStatsEvent {
        let counters = sensor.snapshotCounters()
        let capture = (try? source.statistics()) ?? LiveCaptureStatistics()
        var stats = SensorStatsEvent(timestamp: WallClock.now)
        stats.packets = counters.packets
        stats.bytes = counters.bytes
        stats.droppedKernel = capture.droppedKernel
        stats.droppedInterface = capture.droppedInterface
        stats.droppedOutput = sinks.dropped
        stats.flowsActive = activeFlows
        stats.flowsEvicted = counters.flowsEvicted
        stats.handshakes = counters.handshakes
        stats.sshStreams = counters.sshStreams
        stats.httpStreams = counters.httpStreams
        stats.sshEvents = counters.sshHandshakes + counters.sshWindows
        stats.httpEvents = counters.httpRequests
        stats.events = counters.events
        stats.suppressed = counters.suppressed
        stats.parseErrors = counters.parseErrorTotal
        stats.parseErrorsByReason = counters.parseErrorsByReason.map {
            SensorStatsEvent.ReasonCount(reason: $0.0.rawValue, count: $0.1)
        }
        return stats
    }
}

/// The wall clock (for `startup`/`sensor_stats` timestamps) and a monotonic clock (for intervals).
enum WallClock {
    static var now: CaptureTimestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return CaptureTimestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }

    static var monotonicNanoseconds: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// The outputs of `live`. Network outputs queue inside their sinks; local ones (stdout, files) get a
/// `LocalOutputWriter` thread each, so no output can stall capture: overflow drops the oldest, counted.
final class LiveSinks {
    private final class NetworkBox {
        var sink: OutputSink
        var lastFailure: String?
        var report = DeliveryReport()
        let destination: String
        let encoding: EventEncoding
        init(_ sink: consuming OutputSink, destination: String, encoding: EventEncoding) {
            self.sink = sink
            self.destination = destination
            self.encoding = encoding
        }
    }

    /// An output that could not be opened.
    struct OpenFailure: Error {
        var destination: OutputDestination
        var failure: SinkError
    }

    /// Events each local output may hold while it catches up.
    static let localQueueCapacity = 10_000

    private let network: [NetworkBox]
    private let local: [LocalOutputWriter]
    /// Every output in `--output` order, for ``outputSamples``.
    private let ordered: [Output]
    /// Events handed to the outputs so far, by type (`tlsprint_events_total`).
    private(set) var written: [EventType: Int] = [:]

    private enum Output {
        case local(LocalOutputWriter)
        case network(NetworkBox)
    }

    /// Opens every destination.
    /// - Throws: the first failure, with its destination.
    init(settings: OutputSettings) throws(OpenFailure) {
        var network: [NetworkBox] = []
        var local: [LocalOutputWriter] = []
        var ordered: [Output] = []
        for destination in settings.destinations {
            let sink: OutputSink
            do {
                sink = try OutputSink(
                    destination: destination,
                    defaultFormat: settings.format,
                    identity: settings.identity
                )
            } catch {
                throw OpenFailure(destination: destination, failure: error)
            }
            if sink.networkCounters == nil {
                local.append(LocalOutputWriter(sink: sink, capacity: Self.localQueueCapacity))
                ordered.append(.local(local[local.count - 1]))
            } else {
                let encoding = destination.format(default: settings.format).encoder(identity: settings.identity)
                network.append(NetworkBox(sink, destination: "\(destination)", encoding: encoding))
                ordered.append(.network(network[network.count - 1]))
            }
        }
        self.network = network
        self.local = local
        self.ordered = ordered
    }

    /// Hands `events` to every output (network sinks queue them; local writers write them on their thread).
    func write(_ events: [Event]) {
        guard !events.isEmpty else { return }
        for event in events { written[event.type, default: 0] += 1 }
        for writer in local { writer.enqueue(events) }
        for box in network {
            do throws(SinkError) {
                for event in events { try box.sink.write(event) }
                try box.sink.flush()
            } catch {
                report(error, box)
            }
        }
    }

    /// Says on stderr, whatever `--quiet` says, when a network output cannot deliver: its first failure,
    /// then at most one line a minute (``DeliveryReport``).
    func reportProblems() {
        let now = Double(WallClock.monotonicNanoseconds) / 1e9
        for box in network {
            guard let counters = box.sink.networkCounters else { continue }
            if let line = box.report.line(for: counters, at: now) {
                StandardError.line("tlsprint: \(box.destination): \(line)")
            }
        }
    }

    /// Reopens file outputs (SIGHUP), on their writer threads.
    func reopen() {
        for writer in local { writer.requestReopen() }
    }

    /// What each output did so far, in `--output` order (`tlsprint_output_*`).
    var outputSamples: [OutputSample] {
        ordered.map { output in
            switch output {
            case .local(let writer):
                let sample = writer.sample
                return OutputSample(
                    sent: sample.written,
                    dropped: sample.dropped,
                    queueDepth: sample.queued,
                    connected: nil
                )
            case .network(let box):
                let counters = box.sink.networkCounters
                return OutputSample(
                    sent: counters?.sent ?? 0,
                    dropped: counters?.dropped ?? 0,
                    queueDepth: counters?.queueDepth ?? 0,
                    connected: counters?.connected ?? false
                )
            }
        }
    }

    /// Events dropped so far by every output (`dropped_output`).
    var dropped: Int {
        local.reduce(0) { $0 + $1.dropped } + network.reduce(0) { $0 + $1.sink.droppedCount }
    }

    /// Drains every output, all together for at most `timeout` seconds; returns each network output's
    /// counters (for the end-of-run summary) and reports on stderr events an output did not deliver. When
    /// a network output did not deliver everything, `finalStats` (its last event) goes to stderr as well.
    func finish(timeout: Double, finalStats: Event) -> [(destination: String, counters: NetworkSinkCounters)] {
        let deadline = Date(timeIntervalSinceNow: timeout)
        for writer in local {
            let left = writer.finish(timeout: max(0, deadline.timeIntervalSinceNow))
            if left > 0 { StandardError.line("tlsprint: output: \(left) events not written at exit") }
        }
        var result: [(destination: String, counters: NetworkSinkCounters)] = []
        for box in network {
            do throws(SinkError) {
                let counters = try box.sink.finish(timeout: max(0, deadline.timeIntervalSinceNow))
                result.append((box.destination, counters))
                if let line = SinkHandle.undeliveredLine(counters) {
                    StandardError.line("tlsprint: \(box.destination): \(line)")
                    let record = String(decoding: box.encoding.record(finalStats), as: UTF8.self)
                    StandardError.line("tlsprint: \(box.destination): final sensor_stats not delivered: \(record)")
                }
            } catch { report(error, box) }
        }
        return result
    }

    private func report(_ error: SinkError, _ box: NetworkBox) {
        let text = "\(error)"
        guard text != box.lastFailure else { return }
        box.lastFailure = text
        StandardError.line("tlsprint: \(box.destination): output failed: \(text)")
    }
}
