import Foundation
import TLSPrintCapture
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintSummary

/// `summary`: the capture loop of `read` with an aggregator as its consumer, then one report on stdout.
struct SummaryRun {
    var configuration: SensorConfiguration
    var filter: PacketFilter?
    var format: SummaryFormat
    var top: Int
    var summary = SummaryConfiguration()

    /// Reads every file through one sensor, prints the summary; returns the exit status.
    func summarise(files: [String]) -> ExitStatus {
        let signals: SignalChannel
        do { signals = try SignalChannel(hangup: false) } catch {
            StandardError.line("tlsprint: \(error)")
            return .osError
        }
        let aggregator = AggregatingConsumer(SummaryAggregator(configuration: summary))
        let loop = CaptureLoop(configuration: configuration, filter: filter)
        let outcome = loop.run(
            files: files,
            signals: signals,
            progress: ProgressLine(enabled: StandardError.isTerminal),
            consumer: aggregator
        )
        var status = outcome.status
        if let filterFailure = outcome.filterFailure {
            StandardError.line("tlsprint: \(filterFailure)")
            status = status.combined(with: .usage)
        }
        // After a fatal input error with nothing read, there is nothing to summarise.
        guard outcome.stopSignal != nil || !outcome.captureFailed || outcome.counters.packets > 0 else {
            return status
        }
        let report = SummaryReport(
            aggregator.aggregator,
            input: SummaryInput(files: files, packets: outcome.counters.packets, bytes: outcome.counters.bytes),
            top: top
        )
        let text = format == .json ? SummaryJSONRenderer.render(report) : SummaryTableRenderer.render(report)
        do { try FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) } catch {
            StandardError.line("tlsprint: standard output: \(error.localizedDescription)")
            status = status.combined(with: .ioError)
        }
        return status
    }
}

/// Feeds the sensor's events to a ``SummaryAggregator``.
final class AggregatingConsumer: EventConsumer {
    private(set) var aggregator: SummaryAggregator

    init(_ aggregator: SummaryAggregator) { self.aggregator = aggregator }

    func consume(_ events: [Event]) { aggregator.add(events) }
    func finish(_ events: [Event]) { aggregator.add(events) }
    func willRead() {}
}
