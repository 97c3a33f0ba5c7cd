import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow
import TLSPrintLabels
import TLSPrintPacket

/// The pipeline from captured frames to events: decode, track flows, reassemble, parse, fingerprint, dedup.
///
/// Single-owner and deterministic: its only clock is packet time, and it emits in packet order.
package struct Sensor: ~Copyable {
    package let configuration: SensorConfiguration
    /// What the sensor counted so far.
    package internal(set) var counters = SensorCounters()
    var flows: FlowTables
    var fragments: IPFragmentReassembler
    var certificateCache: BoundedCache<String, ParsedCertificate>
    var deduplicator: Deduplicator
    var clock = CaptureTimestamp(nanoseconds: .min)
    /// The capture files begun so far (`read --with-source`), in order; empty unless ``beginSource(named:)`` is
    /// called, and then every traffic event carries `pcap_file`.
    package private(set) var sourceNames: [String] = []
    /// The index in ``sourceNames`` of the file being read.
    var currentSource: Int?

    package init(configuration: SensorConfiguration = SensorConfiguration()) {
        self.configuration = configuration
        flows = FlowTables(configuration: configuration)
        var fragmentLimits = IPFragmentReassembler.Configuration()
        fragmentLimits.maximumDatagrams = configuration.pendingFragmentedDatagrams
        fragments = IPFragmentReassembler(configuration: fragmentLimits)
        certificateCache = BoundedCache(capacity: configuration.certificateCacheEntries)
        deduplicator = Deduplicator(
            windowSeconds: configuration.dedupTTLSeconds,
            capacity: configuration.dedupEntries,
            families: configuration.fingerprints
        )
    }

    /// Flows tracked now.
    package var activeFlows: Int { flows.count }

    /// Processes one captured frame, appending any events it completes to `events`.
    package mutating func process(_ info: CaptureInfo, frame: Span<UInt8>, into events: inout [Event]) {
        counters.packets += 1
        counters.bytes += frame.count
        advanceClock(to: info.timestamp, into: &events)
        let decoded: DecodedPacket?
        do {
            decoded = try PacketDecoder.decode(frame, linkType: info.linkType)
        } catch {
            counters.count(error, in: .packet)
            return
        }
        guard let packet = decoded else { return }
        if packet.isFragment {
            processFragment(packet, frame: frame, info: info, into: &events)
            return
        }
        dispatch(packet, payload: frame.extracting(packet.payload), info: info, into: &events)
    }

    /// Starts the next capture file: the events its packets complete carry `pcap_file` = `name`. A flow
    /// goes on across files (they are read as if concatenated); what it held back and gives out when it
    /// leaves carries the file of its last packet.
    package mutating func beginSource(named name: String) {
        currentSource = sourceNames.count
        sourceNames.append(name)
    }

    /// Moves the sensor clock to `time` and retires idle flows (packet time only).
    package mutating func advanceClock(to time: CaptureTimestamp, into events: inout [Event]) {
        guard time > clock else { return }
        clock = time
        expireFlows(idleBefore: time.adding(seconds: -configuration.flowTimeoutSeconds).nanoseconds, into: &events)
    }

    /// Ends the input: retires every flow, emitting what flows held back, oldest flow first.
    package mutating func finish(into events: inout [Event]) {
        retireAllFlows(into: &events)
    }

    mutating func dispatch(
        _ packet: borrowing DecodedPacket,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        switch packet.transport {
        case .tcp(let tcp): processTCP(packet, tcp, payload: payload, info: info, into: &events)
        case .udp(let udp): processUDP(packet, udp, payload: payload, info: info, into: &events)
        default: return
        }
    }

    /// Emits `event` unless the deduplicator suppresses it, with the labels of the label-list rows it matches
    /// (looked up only for events that are emitted); with sources tracked, it carries the file of `source`
    /// (default: the file being read).
    mutating func emit(_ event: Event, source: Int? = nil, into events: inout [Event]) {
        switch event {
        case .sshHandshake: counters.sshHandshakes += 1
        case .sshActivity: counters.sshWindows += 1
        case .httpRequest: counters.httpRequests += 1
        case .startup, .tlsClientHello, .tlsSession, .tlsCertificate, .sensorStats: break
        }
        guard deduplicator.shouldEmit(event) else {
            counters.suppressed += 1
            counters.suppressedByType[event.type, default: 0] += 1
            return
        }
        counters.events += 1
        let labels = configuration.labels.labels(for: event)
        let file = source ?? currentSource
        guard file != nil || !labels.isEmpty else {
            events.append(event)
            return
        }
        var annotated = event
        if !labels.isEmpty {
            counters.labelledEvents += 1
            annotated.annotations.labels = labels
        }
        if let file { annotated.annotations.pcapFile = sourceNames[file] }
        events.append(annotated)
    }

    /// Brings the dedup eviction count into the counters (called before reporting).
    package mutating func snapshotCounters() -> SensorCounters {
        counters.dedupEvicted = deduplicator.evicted
        counters.certificateCacheHits = certificateCache.hits
        counters.fragmentsEvicted = fragments.counters.evictedForCapacity + fragments.counters.expired
        return counters
    }
}
