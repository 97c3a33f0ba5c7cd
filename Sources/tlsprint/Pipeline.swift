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
        let outputs = SinkWriter(sinks: sinks)
        let loop = CaptureLoop(configuration: configuration, filter: filter, withSource: withSource)
        let outcome = loop.run(
            files: files,
            signals: signals,
            progress: ProgressLine(enabled: !settings.quiet && StandardError.isTerminal),
            consumer: outputs
        )
        var status = outcome.status
        let delivery = drain(sinks)
        if let outputFailure = outputs.failure {
            StandardError.line("tlsprint: output failed: \(outputFailure)")
            status = status.combined(with: .ioError)
        }
        if delivery.undelivered > 0 { status = status.combined(with: .ioError) }
        if let filterFailure = outcome.filterFailure {
            StandardError.line("tlsprint: \(filterFailure)")
            status = status.combined(with: .usage)
        }
        let counters = outcome.counters
        // After a fatal input error with nothing read, a summary would be lines of zeros.
        if !settings.quiet, outcome.stopSignal != nil || !outcome.captureFailed || counters.packets > 0 {
            Summary(
                counters: counters,
                activeFlows: outcome.activeFlows,
                bytesRead: outcome.bytesRead,
                seconds: -outcome.started.timeIntervalSinceNow,
                dedupSeconds: configuration.dedupTTLSeconds,
                labels: configuration.labels
            )
            .print()
            if let filter {
                StandardError.line("tlsprint: filter '\(filter.expression)': \(outcome.filteredOut) packets left out")
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
