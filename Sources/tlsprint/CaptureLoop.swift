import Foundation
import TLSPrintCapture
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor

/// Reads capture files through one sensor and hands the events to a consumer: the loop `read` and `summary`
/// share.
///
/// SIGINT and SIGTERM are asked for before each read of the input and while a pipe is quiet, so a stop ends
/// the read early and the outcome says which signal it was.
struct CaptureLoop {
    var configuration: SensorConfiguration
    /// `--bpf`: only packets it accepts reach the sensor.
    var filter: PacketFilter?
    /// `--with-source`: every traffic event names its capture file (`pcap_file`).
    var withSource = false

    /// What a run went through, for the caller's messages and exit status.
    struct Outcome {
        /// The worst status of the inputs (a capture error or a stop signal), success otherwise.
        var status = ExitStatus.success
        /// An input failed for a reason other than a stop signal.
        var captureFailed = false
        var bytesRead = 0
        /// Packets the filter left out (or could not judge).
        var filteredOut = 0
        /// The first error of the filter, if any.
        var filterFailure: CaptureError?
        var stopSignal: Int32?
        var counters = SensorCounters()
        var activeFlows = 0
        /// When the loop started (a run's seconds run to when its caller reports them).
        var started = Date()
    }

    /// Reads `files` in order (`-` is standard input), printing a capture error as one line on stderr and going
    /// on with the next file; `sensor.finish` at the end, its events to `consumer.finish`.
    func run<Consumer: EventConsumer>(
        files: [String],
        signals: SignalChannel,
        progress: ProgressLine,
        consumer: Consumer
    ) -> Outcome {
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        events.reserveCapacity(16)
        var outcome = Outcome()
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
                opened.willRead = { consumer.willRead() }
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
                    consumer.consume(events)
                    events.removeAll(keepingCapacity: true)
                    progress.update(bytes: opened.bytesRead)
                }
            } catch {
                progress.clear()
                StandardError.line("tlsprint: \(error)")
                if case .interrupted = error {} else { outcome.captureFailed = true }
                outcome.status = outcome.status.combined(with: ExitStatus(error))
            }
            outcome.bytesRead += source?.bytesRead ?? 0
        }
        progress.clear()
        sensor.finish(into: &events)
        consumer.finish(events)
        outcome.filteredOut = filteredOut
        outcome.filterFailure = filterFailure
        outcome.stopSignal = stopSignal
        outcome.counters = sensor.snapshotCounters()
        outcome.activeFlows = sensor.activeFlows
        return outcome
    }
}
