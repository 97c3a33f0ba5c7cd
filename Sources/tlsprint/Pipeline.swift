import Foundation
import TLSPrintCapture
import TLSPrintCore
import TLSPrintEvent
import TLSPrintOutput
import TLSPrintSensor

/// Wires capture → sensor → sinks for `read`, and reports the run on stderr.
struct Pipeline {
    var configuration: SensorConfiguration
    var destinations: [OutputDestination]
    var format: OutputFormat
    var identity: EncoderIdentity
    var quiet: Bool
    /// `--bpf`: only packets it accepts reach the sensor.
    var filter: PacketFilter?

    /// Reads every file through one sensor; returns the exit status.
    func read(files: [String]) -> ExitStatus {
        var sinks: [SinkHandle] = []
        for destination in destinations {
            do {
                let sink = try OutputSink(destination: destination, defaultFormat: format, identity: identity)
                sinks.append(SinkHandle(sink))
            } catch {
                StandardError.line("tlsprint: \(destination): \(error)")
                return .ioError
            }
        }
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        events.reserveCapacity(16)
        var status = ExitStatus.success
        var bytesRead = 0
        let started = Date()
        let progress = ProgressLine(enabled: !quiet && StandardError.isTerminal)
        var outputFailure: String?
        var filterFailure: CaptureError?
        var filteredOut = 0
        for file in files {
            do {
                let source = try PcapFileSource(path: file)
                source.willRead = {
                    for sink in sinks {
                        if let failure = sink.flush() { outputFailure = failure }
                    }
                }
                try source.forEachPacket { info, frame in
                    if let filter {
                        do throws(CaptureError) {
                            guard try filter.accepts(info, frame) else {
                                filteredOut += 1
                                return
                            }
                        } catch {
                            filterFailure = filterFailure ?? error
                            filteredOut += 1
                            return
                        }
                    }
                    sensor.process(info, frame: frame, into: &events)
                    guard !events.isEmpty else { return }
                    for sink in sinks {
                        if let failure = sink.write(events, flush: false) { outputFailure = failure }
                    }
                    events.removeAll(keepingCapacity: true)
                    progress.update(bytes: source.bytesRead)
                }
                bytesRead += source.bytesRead
            } catch {
                StandardError.line("tlsprint: \(error)")
                status = ExitStatus(error)
            }
        }
        progress.clear()
        sensor.finish(into: &events)
        for sink in sinks {
            if let failure = sink.write(events, flush: true) { outputFailure = failure }
        }
        var outputCounters: [String] = []
        for (destination, sink) in zip(destinations, sinks) {
            if let counters = sink.finish(timeout: 2) {
                outputCounters.append("tlsprint: \(destination): \(counters.summary)")
            }
        }
        if let outputFailure {
            StandardError.line("tlsprint: output failed: \(outputFailure)")
            if status == .success { status = .ioError }
        }
        if let filterFailure {
            StandardError.line("tlsprint: \(filterFailure)")
            if status == .success { status = .usage }
        }
        if !quiet {
            let counters = sensor.snapshotCounters()
            Summary(
                counters: counters,
                activeFlows: sensor.activeFlows,
                bytesRead: bytesRead,
                seconds: -started.timeIntervalSinceNow
            )
            .print()
            if let filter {
                StandardError.line("tlsprint: filter '\(filter.expression)': \(filteredOut) packets left out")
            }
            for line in outputCounters { StandardError.line(line) }
        }
        return status
    }
}

/// Owns one non-copyable sink so several can sit in an array.
final class SinkHandle {
    private var sink: OutputSink

    init(_ sink: consuming OutputSink) { self.sink = sink }

    /// Writes `events` in order, then flushes if asked; returns the first failure as text.
    func write(_ events: [Event], flush: Bool) -> String? {
        var failure: String?
        for event in events {
            do { try sink.write(event) } catch { failure = failure ?? "\(error)" }
        }
        if flush {
            do { try sink.flush() } catch { failure = failure ?? "\(error)" }
        }
        return failure
    }

    /// Flushes buffered records; the failure as text.
    func flush() -> String? {
        do { try sink.flush() } catch { return "\(error)" }
        return nil
    }

    /// Drains a network output for at most `timeout` seconds; its counters (nil for local outputs).
    func finish(timeout: Double) -> NetworkSinkCounters? {
        let network = sink.networkCounters != nil
        let counters = try? sink.finish(timeout: timeout)
        return network ? counters : nil
    }
}
