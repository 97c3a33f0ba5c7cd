import TLSPrintFlow

/// The sensor's flow tables, one per transport, each bounded and LRU-ordered on packet time.
struct FlowTables {
    var tcp: FlowTable<FlowKey, TCPFlow>
    var quic: FlowTable<FlowKey, QUICFlow>
    var dtls: FlowTable<FlowKey, DTLSFlow>
    var openVPN: FlowTable<FlowKey, OpenVPNFlow>

    init(configuration: SensorConfiguration) {
        let seed = configuration.flowTableSeed
        tcp = FlowTable(capacity: configuration.maxFlows, seed: seed)
        quic = FlowTable(capacity: configuration.maxQUICConnections, seed: seed)
        dtls = FlowTable(capacity: configuration.maxQUICConnections, seed: seed)
        openVPN = FlowTable(capacity: configuration.maxQUICConnections, seed: seed)
    }

    /// Flows tracked now.
    var count: Int { tcp.count + quic.count + dtls.count + openVPN.count }
}

/// Why a flow leaves its table. Every exit goes through ``Sensor/retire(_:reason:into:)``.
enum RetireReason {
    /// Idle for the flow timeout (packet time).
    case expired
    /// The least recently used flow, pushed out by a new one when its table was full.
    case evicted
    /// Released because the reassembly buffers together exceeded the memory budget.
    case releasedForMemory
    /// The input ended.
    case endOfInput
}

extension SensorFlow {
    /// Brings ``chargedBytes`` up to date with the buffers; returns the change.
    mutating func recharge() -> Int {
        let now = bufferedBytes
        defer { chargedBytes = now }
        return now - chargedBytes
    }
}
