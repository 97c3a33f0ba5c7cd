/// libpcap's counters for a live capture (`pcap_stats`), cumulative since the capture was opened.
///
/// On Linux `received` counts packets that passed the filter, `droppedKernel` those the kernel ring had no
/// room for, and `droppedInterface` those the driver dropped (often 0 or unsupported).
package struct LiveCaptureStatistics: Hashable, Sendable {
    /// `ps_recv`: packets received by the capture socket.
    package var received = 0
    /// `ps_drop`: packets dropped because the kernel buffer was full (`dropped_kernel`).
    package var droppedKernel = 0
    /// `ps_ifdrop`: packets dropped by the interface or its driver (`dropped_interface`).
    package var droppedInterface = 0

    /// Zero counts.
    package init() {}

    /// The given counts.
    package init(received: Int, droppedKernel: Int, droppedInterface: Int) {
        self.received = received
        self.droppedKernel = droppedKernel
        self.droppedInterface = droppedInterface
    }
}
