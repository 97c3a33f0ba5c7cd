import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow

extension Sensor {
    /// The one way out for a flow of any kind: counts why it left, gives back its buffers' bytes, and emits
    /// what it held back (QUIC's `tls_session`), so no exit loses an event.
    mutating func retire<Flow: SensorFlow>(_ flow: Flow, reason: RetireReason, into events: inout [Event]) {
        switch reason {
        case .expired: counters.flowsExpired += 1
        case .evicted: counters.flowsEvicted += 1
        case .releasedForMemory: counters.flowsReleasedForMemory += 1
        case .endOfInput: counters.flowsOpenAtEnd += 1
        }
        counters.bufferedBytes -= flow.chargedBytes
        for held in flow.heldEvents { emit(held, source: flow.lastSource, into: &events) }
    }

    /// Retires every flow last active before `deadline` (nanoseconds of packet time): TCP, DTLS, OpenVPN,
    /// then QUIC, each oldest first.
    mutating func expireFlows(idleBefore deadline: Int64, into events: inout [Event]) {
        let sessionDeadline = clock.adding(seconds: -configuration.sshSessionTimeoutSeconds)
        while flows.tcp.hasEntry(idleBefore: deadline), let (key, flow) = flows.tcp.removeOldest(idleBefore: deadline) {
            // An SSH session may idle longer (a terminal left open): put back as active now, it is looked at again
            // one flow timeout later, and given up once idle for the session timeout.
            if let session = flow.ssh.first, session.lastActivity > sessionDeadline {
                _ = flows.tcp.insert(flow, for: key, at: clock.nanoseconds)
                continue
            }
            retire(flow, reason: .expired, into: &events)
        }
        while flows.dtls.hasEntry(idleBefore: deadline), let (_, flow) = flows.dtls.removeOldest(idleBefore: deadline) {
            retire(flow, reason: .expired, into: &events)
        }
        while flows.openVPN.hasEntry(idleBefore: deadline),
            let (_, flow) = flows.openVPN.removeOldest(idleBefore: deadline)
        {
            retire(flow, reason: .expired, into: &events)
        }
        while flows.quic.hasEntry(idleBefore: deadline), let (_, flow) = flows.quic.removeOldest(idleBefore: deadline) {
            retire(flow, reason: .expired, into: &events)
        }
    }

    /// Retires every flow (the input ended): TCP, QUIC, DTLS, then OpenVPN, each oldest first.
    mutating func retireAllFlows(into events: inout [Event]) {
        while let (_, flow) = flows.tcp.removeOldest(idleBefore: .max) {
            retire(flow, reason: .endOfInput, into: &events)
        }
        while let (_, flow) = flows.quic.removeOldest(idleBefore: .max) {
            retire(flow, reason: .endOfInput, into: &events)
        }
        while let (_, flow) = flows.dtls.removeOldest(idleBefore: .max) {
            retire(flow, reason: .endOfInput, into: &events)
        }
        while let (_, flow) = flows.openVPN.removeOldest(idleBefore: .max) {
            retire(flow, reason: .endOfInput, into: &events)
        }
    }

    /// Adds a flow's change in buffered bytes to the budget; when it grew past the budget, releases the least
    /// recently active flows (TCP first, then QUIC, DTLS, OpenVPN) until the buffers fit.
    ///
    /// The flow that just grew may be among them when it is the oldest. Like Suricata's stream memcap: a
    /// flood of stalled handshakes cannot grow memory further.
    mutating func account(_ delta: Int, into events: inout [Event]) {
        counters.bufferedBytes += delta
        guard delta > 0 else { return }
        while counters.bufferedBytes > configuration.memoryBudgetBytes {
            if let (_, flow) = flows.tcp.removeOldest(idleBefore: .max) {
                retire(flow, reason: .releasedForMemory, into: &events)
            } else if let (_, flow) = flows.quic.removeOldest(idleBefore: .max) {
                retire(flow, reason: .releasedForMemory, into: &events)
            } else if let (_, flow) = flows.dtls.removeOldest(idleBefore: .max) {
                retire(flow, reason: .releasedForMemory, into: &events)
            } else if let (_, flow) = flows.openVPN.removeOldest(idleBefore: .max) {
                retire(flow, reason: .releasedForMemory, into: &events)
            } else {
                return
            }
        }
    }
}
