import TLSPrintCore
import TLSPrintFlow
import TLSPrintPacket

/// The pipeline from captured frames to events: decode, track flows, reassemble, parse, fingerprint, dedup.
///
/// Single-owner and deterministic: its only clock is packet time, and it emits in packet order.
package struct Sensor: ~Copyable {
    package let configuration: SensorConfiguration
    /// What the sensor counted so far.
    package internal(set) var counters = SensorCounters()
    var tcpFlows: FlowTable<FlowKey, TCPFlow>
    var quicFlows: FlowTable<FlowKey, QUICFlow>
    var dtlsFlows: FlowTable<FlowKey, DTLSFlow>
    var openVPNFlows: FlowTable<FlowKey, OpenVPNFlow>
    var fragments: IPFragmentReassembler
    var certificateCache: BoundedCache<String, ParsedCertificate>
    var deduplicator: Deduplicator
    var clock = CaptureTimestamp(nanoseconds: .min)

    package init(configuration: SensorConfiguration = SensorConfiguration()) {
        self.configuration = configuration
        tcpFlows = FlowTable(capacity: configuration.maxFlows)
        quicFlows = FlowTable(capacity: configuration.maxQUICConnections)
        dtlsFlows = FlowTable(capacity: configuration.maxQUICConnections)
        openVPNFlows = FlowTable(capacity: configuration.maxQUICConnections)
        var fragmentLimits = IPFragmentReassembler.Configuration()
        fragmentLimits.maximumDatagrams = configuration.pendingFragmentedDatagrams
        fragments = IPFragmentReassembler(configuration: fragmentLimits)
        certificateCache = BoundedCache(capacity: configuration.certificateCacheEntries)
        deduplicator = Deduplicator(
            windowSeconds: configuration.dedupTTLSeconds,
            capacity: configuration.dedupEntries
        )
    }

    /// Flows tracked now.
    package var activeFlows: Int { tcpFlows.count + quicFlows.count + dtlsFlows.count + openVPNFlows.count }

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
        if packet.fragment != nil {
            processFragment(packet, frame: frame, info: info, into: &events)
            return
        }
        dispatch(packet, payload: frame.extracting(packet.payload), info: info, into: &events)
    }

    /// Moves the sensor clock to `time` and expires idle flows (packet time only).
    package mutating func advanceClock(to time: CaptureTimestamp, into events: inout [Event]) {
        guard time > clock else { return }
        clock = time
        let deadline = time.adding(seconds: -configuration.flowTimeoutSeconds).nanoseconds
        Self.expire(&tcpFlows, idleBefore: deadline, counting: &counters)
        Self.expire(&dtlsFlows, idleBefore: deadline, counting: &counters)
        Self.expire(&openVPNFlows, idleBefore: deadline, counting: &counters)
        while let (_, flow) = quicFlows.removeOldest(idleBefore: deadline) {
            counters.flowsExpired += 1
            discharge(flow.chargedBytes)
            emitQUICSession(flow, into: &events)
        }
    }

    /// Ends the input: emits what waits on flows that will see no more packets, oldest flow first.
    package mutating func finish(into events: inout [Event]) {
        for flow in quicFlows.removeAll() {
            discharge(flow.chargedBytes)
            emitQUICSession(flow, into: &events)
        }
    }

    mutating func dispatch(
        _ packet: DecodedPacket,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        switch packet.transport {
        case .tcp(let tcp): processTCP(packet, tcp, payload: payload, info: info, into: &events)
        case .udp(let udp) where !payload.isEmpty && payload[0] & 0x80 == 0:
            processDTLS(
                packet,
                sourcePort: udp.sourcePort,
                destinationPort: udp.destinationPort,
                payload: payload,
                info: info,
                into: &events
            )
        case .udp(let udp):
            processQUIC(
                packet,
                sourcePort: udp.sourcePort,
                destinationPort: udp.destinationPort,
                payload: payload,
                info: info,
                into: &events
            )
        default: return
        }
    }

    /// Emits `event` unless the deduplicator suppresses it.
    mutating func emit(_ event: Event, source: String, into events: inout [Event]) {
        guard deduplicator.shouldEmit(event, source: source) else {
            counters.suppressed += 1
            return
        }
        counters.events += 1
        events.append(event)
    }

    /// Brings the dedup eviction count into the counters (called before reporting).
    package mutating func snapshotCounters() -> SensorCounters {
        counters.dedupEvicted = deduplicator.evicted
        counters.fragmentsEvicted = fragments.counters.evictedForCapacity + fragments.counters.expired
        return counters
    }
}
