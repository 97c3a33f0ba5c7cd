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

    /// `tcpi_bytes_acked` (byte offset 120): stream bytes the peer has acknowledged (RFC 4898
    /// tcpEStatsAppHCThruOctetsAcked); nil when the kernel did not fill it.
    var bytesAcknowledged: Int? {
        let value = words.15
        return value == 0 ? nil : Int(clamping: value)
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
