import Foundation
import TLSPrintCapture
import TLSPrintCore
import TLSPrintEvent
import TLSPrintOutput
import TLSPrintSensor

/// Wires capture → sensor → sinks for `read`, and reports the run on stderr.
///
/// SIGINT and SIGTERM are blocked and asked for before each read of the input and while a pipe is quiet,
/// so a stop ends the read with the summary of what was read and exit status 130 or 143.
struct Pipeline {
    var configuration: SensorConfiguration
    var settings: OutputSettings
    /// `--bpf`: only packets it accepts reach the sensor.
    var filter: PacketFilter?
    /// `--with-source`: every traffic event names its capture file (`pcap_file`).
    var withSource = false

    /// Reads every file through one sensor; returns the exit status.
    func read(files: [String]) -> ExitStatus {
        let signals: SignalChannel
        do { signals = try SignalChannel(hangup: false) } catch {
            StandardError.line("tlsprint: \(error)")
            return .osError
        }
        var sinks: [SinkHandle] = []
        for destination in settings.destinations {
            do {
                let sink = try OutputSink(
                    destination: destination,
                    defaultFormat: settings.format,
                    identity: settings.identity
                )
                sinks.append(SinkHandle(sink, destination: "\(destination)"))
            } catch {
                StandardError.line("tlsprint: \(destination): \(error)")
                return ExitStatus(error)
            }
        }
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        events.reserveCapacity(16)
        var status = ExitStatus.success
        var captureFailed = false
        var bytesRead = 0
        let started = Date()
        let progress = ProgressLine(enabled: !settings.quiet && StandardError.isTerminal)
        var outputFailure: String?
        var filterFailure: CaptureError?
        var filteredOut = 0
        var stopSignal: Int32?
        let stopRequested = { () -> Int32? in
            if stopSignal == nil {
                let pending = signals.drain()
                if pending.stop { stopSignal = pending.stopSignal }
            }
            return stopSignal
        }
        for file in files where stopRequested() == nil {
            var source: PcapFileSource?
            if withSource { sensor.beginSource(named: file) }
            do {
                let opened = try PcapFileSource(path: file)
                source = opened
                opened.willRead = {
                    for sink in sinks {
                        if let failure = sink.flush() { outputFailure = failure }
                        sink.reportProblems()
                    }
                }
                opened.interruption = stopRequested
                try opened.forEachPacket { info, frame in
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
                    progress.update(bytes: opened.bytesRead)
                }
            } catch {
                progress.clear()
                StandardError.line("tlsprint: \(error)")
                if case .interrupted = error {} else { captureFailed = true }
                status = status.combined(with: ExitStatus(error))
            }
            bytesRead += source?.bytesRead ?? 0
        }
        progress.clear()
        sensor.finish(into: &events)
        for sink in sinks {
            if let failure = sink.write(events, flush: true) { outputFailure = failure }
        }
        let delivery = drain(sinks)
        if let outputFailure {
            StandardError.line("tlsprint: output failed: \(outputFailure)")
            status = status.combined(with: .ioError)
        }
        if delivery.undelivered > 0 { status = status.combined(with: .ioError) }
        if let filterFailure {
            StandardError.line("tlsprint: \(filterFailure)")
            status = status.combined(with: .usage)
        }
        let counters = sensor.snapshotCounters()
        // After a fatal input error with nothing read, a summary would be lines of zeros.
        if !settings.quiet, stopSignal != nil || !captureFailed || counters.packets > 0 {
            Summary(
                counters: counters,
                activeFlows: sensor.activeFlows,
                bytesRead: bytesRead,
                seconds: -started.timeIntervalSinceNow,
                dedupSeconds: configuration.dedupTTLSeconds,
                labels: configuration.labels
            )
            .print()
            if let filter {
                StandardError.line("tlsprint: filter '\(filter.expression)': \(filteredOut) packets left out")
            }
            for line in delivery.summaries { StandardError.line(line) }
        }
        return status
    }

    /// Waits, all outputs together, at most `--drain-timeout` for the network outputs to deliver and close;
    /// says on stderr (even under `--quiet`) how many events each did not deliver.
    private func drain(_ sinks: [SinkHandle]) -> (undelivered: Int, summaries: [String]) {
        let deadline = Date(timeIntervalSinceNow: settings.drainTimeout)
        var undelivered = 0
        var summaries: [String] = []
        for sink in sinks {
            guard let counters = sink.finish(timeout: max(0, deadline.timeIntervalSinceNow)) else { continue }
            summaries.append("tlsprint: \(sink.destination): \(counters.summary)")
            if let line = SinkHandle.undeliveredLine(counters) {
                StandardError.line("tlsprint: \(sink.destination): \(line)")
                undelivered += counters.undelivered
            }
        }
        return (undelivered, summaries)
    }
}
