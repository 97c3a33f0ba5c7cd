import TLSPrintCore
import TLSPrintFlow

extension Sensor {
    /// Charges a TCP flow's change in buffered bytes to the budget, releasing old flows when it is exceeded.
    mutating func chargeTCP(slot: Int) {
        let now = tcpFlows[slot: slot].bufferedBytes
        let delta = now - tcpFlows[slot: slot].chargedBytes
        guard delta != 0 else { return }
        tcpFlows[slot: slot].chargedBytes = now
        counters.bufferedBytes += delta
        if delta > 0 { enforceMemoryBudget() }
    }

    /// Charges a QUIC connection's change in buffered bytes to the budget.
    mutating func chargeQUIC(slot: Int) {
        let now = quicFlows[slot: slot].bufferedBytes
        let delta = now - quicFlows[slot: slot].chargedBytes
        guard delta != 0 else { return }
        quicFlows[slot: slot].chargedBytes = now
        counters.bufferedBytes += delta
        if delta > 0 { enforceMemoryBudget() }
    }

    /// Gives back the bytes of a flow that leaves the table.
    mutating func discharge(_ bytes: Int) {
        counters.bufferedBytes -= bytes
    }

    /// Releases the least recently active flows (TCP first, then QUIC) until the buffers fit the budget.
    ///
    /// Released flows lose their partial handshake; the flow that just grew may be among them when it is
    /// the oldest. Like Suricata's stream memcap: a flood of stalled handshakes cannot grow memory further.
    private mutating func enforceMemoryBudget() {
        while counters.bufferedBytes > configuration.memoryBudgetBytes {
            if let (_, flow) = tcpFlows.removeOldest(idleBefore: .max) {
                discharge(flow.chargedBytes)
            } else if let (_, flow) = quicFlows.removeOldest(idleBefore: .max) {
                discharge(flow.chargedBytes)
            } else {
                return
            }
            counters.flowsReleasedForMemory += 1
        }
    }
}
