import TLSPrintEvent
import TLSPrintFlow

/// Per-flow state the sensor keeps in a flow table: its reassembly buffers count against the memory budget,
/// and what it holds back leaves with it (``Sensor/retire(_:reason:into:)``).
protocol SensorFlow: FlowTableValue {
    /// Bytes the flow's buffers hold now.
    var bufferedBytes: Int { get }
    /// Bytes as last charged to the budget.
    var chargedBytes: Int { get set }
    /// The flow's handshake rules.
    var tracker: HandshakeTracker { get set }
    /// Events the flow holds back, emitted when it leaves: QUIC's `tls_session` waiting for JA4L, an SSH
    /// stream's `ssh_handshake` short of its KEXINITs and its last JA4SSH window.
    var heldEvents: [Event] { get }
    /// The capture file (index into ``Sensor/sourceNames``) of the flow's last packet, for held events; nil
    /// when the flow holds none back, or sources are not tracked.
    var lastSource: Int? { get }
}

extension SensorFlow {
    var heldEvents: [Event] { [] }
    var lastSource: Int? { nil }

    /// Moves the tracker out (a placeholder stays behind), so the sensor can update it while the flow sits in
    /// its table without copying it (a copy retains every array of the ClientHello it keeps).
    mutating func takeTracker() -> HandshakeTracker {
        var taken = HandshakeTracker.placeholder
        swap(&taken, &tracker)
        return taken
    }
}
