import TLSPrintCore
import TLSPrintFlow

/// Per-flow state whose reassembly buffers count against the sensor's memory budget.
protocol BudgetedFlow: FlowTableValue {
    /// Bytes the flow's buffers hold now.
    var bufferedBytes: Int { get }
    /// Bytes as last charged to the budget.
    var chargedBytes: Int { get set }
}

extension TCPFlow: BudgetedFlow {}
extension QUICFlow: BudgetedFlow {}
extension DTLSFlow: BudgetedFlow {}
extension OpenVPNFlow: BudgetedFlow {}

extension Sensor {
    /// Charges a TCP flow's change in buffered bytes to the budget, releasing old flows when it is exceeded.
    mutating func chargeTCP(slot: Int) {
        if Self.charge(&tcpFlows, slot: slot, to: &counters) { enforceMemoryBudget() }
    }

    /// Charges a QUIC connection's change in buffered bytes to the budget.
    mutating func chargeQUIC(slot: Int) {
        if Self.charge(&quicFlows, slot: slot, to: &counters) { enforceMemoryBudget() }
    }

    /// Charges a DTLS association's change in buffered bytes to the budget.
    mutating func chargeDTLS(slot: Int) {
        if Self.charge(&dtlsFlows, slot: slot, to: &counters) { enforceMemoryBudget() }
    }

    /// Charges an OpenVPN-over-UDP flow's change in buffered bytes to the budget.
    mutating func chargeOpenVPN(slot: Int) {
        if Self.charge(&openVPNFlows, slot: slot, to: &counters) { enforceMemoryBudget() }
    }

    /// Removes the flows of `table` last active before `deadline` (nanoseconds of packet time), counting them
    /// and giving back their bytes.
    static func expire<Flow: BudgetedFlow>(
        _ table: inout FlowTable<FlowKey, Flow>,
        idleBefore deadline: Int64,
        counting counters: inout SensorCounters
    ) {
        while let (_, flow) = table.removeOldest(idleBefore: deadline) {
            counters.flowsExpired += 1
            counters.bufferedBytes -= flow.chargedBytes
        }
    }

    /// Gives back the bytes of a flow that leaves the table.
    mutating func discharge(_ bytes: Int) {
        counters.bufferedBytes -= bytes
    }

    /// Records the change in a flow's buffered bytes; true when it grew (the budget must then be checked).
    private static func charge<Flow: BudgetedFlow>(
        _ table: inout FlowTable<FlowKey, Flow>,
        slot: Int,
        to counters: inout SensorCounters
    ) -> Bool {
        let now = table[slot: slot].bufferedBytes
        let delta = now - table[slot: slot].chargedBytes
        guard delta != 0 else { return false }
        table[slot: slot].chargedBytes = now
        counters.bufferedBytes += delta
        return delta > 0
    }

    /// Releases the least recently active flows (TCP first, then QUIC, DTLS, OpenVPN) until the buffers fit
    /// the budget.
    ///
    /// Released flows lose their partial handshake; the flow that just grew may be among them when it is
    /// the oldest. Like Suricata's stream memcap: a flood of stalled handshakes cannot grow memory further.
    private mutating func enforceMemoryBudget() {
        while counters.bufferedBytes > configuration.memoryBudgetBytes {
            guard
                let released = Self.releaseOldest(&tcpFlows) ?? Self.releaseOldest(&quicFlows)
                    ?? Self.releaseOldest(&dtlsFlows) ?? Self.releaseOldest(&openVPNFlows)
            else { return }
            discharge(released)
            counters.flowsReleasedForMemory += 1
        }
    }

    /// Removes the least recently active flow of `table`; returns the bytes charged for it.
    private static func releaseOldest<Flow: BudgetedFlow>(_ table: inout FlowTable<FlowKey, Flow>) -> Int? {
        table.removeOldest(idleBefore: .max).map { $0.1.chargedBytes }
    }
}
