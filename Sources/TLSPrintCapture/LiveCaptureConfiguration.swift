/// How a live capture is opened (`tlsprint live` flags map onto these fields one to one).
package struct LiveCaptureConfiguration: Hashable, Sendable {
    /// The interface to capture on, as `tlsprint interfaces` lists it (`eth0`, `any`, `lo`).
    package var interface: String
    /// Bytes kept of each packet. The default keeps whole jumbo frames, as tcpdump does.
    package var snapLength = 262_144
    /// The kernel ring buffer in bytes; larger rides out longer bursts before the kernel drops.
    package var bufferSize = 32 << 20
    /// Put the interface in promiscuous mode (needs CAP_NET_ADMIN on Linux).
    package var promiscuous = true
    /// Deliver packets as they arrive instead of when a ring block fills or its 100 ms timeout passes.
    /// Off by default, as in tcpdump writing a file: a wake-up per packet costs a quarter of the rate
    /// captured without kernel drops (scripts/live/drops.sh: 800 against 3,200 Mbps). Timestamps, and
    /// so JA4L, come from the kernel either way.
    package var immediateMode = false
    /// A BPF filter expression (pcap-filter(7)); nil captures everything.
    package var filter: String?
    /// Ask for nanosecond timestamps; libpcap falls back to microseconds where unsupported.
    package var nanosecondTimestamps = true

    /// A configuration for `interface` with the defaults above.
    package init(interface: String) {
        self.interface = interface
    }
}
