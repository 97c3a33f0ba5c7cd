#if canImport(Glibc)
    import Glibc
#endif

/// The first 136 bytes of Linux's `struct tcp_info` (linux/tcp.h), read with `getsockopt(TCP_INFO)`.
///
/// glibc's `<netinet/tcp.h>` copy stops at `tcpi_total_retrans` (104 bytes); the kernel has appended
/// `tcpi_pacing_rate`, `tcpi_max_pacing_rate`, `tcpi_bytes_acked` (Linux 4.1) and `tcpi_bytes_received`
/// since, each a `__u64`. A kernel that fills fewer bytes leaves the rest zero.
struct KernelTCPInfo: Sendable {
    var words:
        (
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64
        ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// Stream bytes the peer has acknowledged, from `tcpi_bytes_acked` (byte offset 120; RFC 4898
    /// tcpEStatsAppHCThruOctetsAcked); nil when the kernel did not fill it.
    ///
    /// The kernel counts acknowledged sequence numbers, and on a connection this side opened the SYN is the
    /// first of them (measured: 1,001 after 1,000 data bytes): so this is the field minus one. The FIN
    /// takes one more, so after a half-close every byte and the FIN are acknowledged at
    /// `bytes sent + 1`.
    var bytesAcknowledged: Int? {
        let value = words.15
        return value == 0 ? nil : Int(clamping: value) - 1
    }

    /// Reads `TCP_INFO` from a connected TCP socket; nil on error.
    static func read(descriptor: Int32) -> KernelTCPInfo? {
        #if os(Linux)
            var info = KernelTCPInfo()
            var length = socklen_t(MemoryLayout<KernelTCPInfo>.size)
            let result = getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_INFO, &info, &length)
            return result == 0 ? info : nil
        #else
            return nil
        #endif
    }
}
