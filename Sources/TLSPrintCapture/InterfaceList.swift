internal import CPcap
import Glibc

/// The interfaces libpcap can capture on (`pcap_findalldevs`), in libpcap's order.
package enum InterfaceList {
    /// One capturable interface.
    package struct Interface: Hashable, Sendable {
        /// The name to pass to `tlsprint live -i`.
        package var name: String
        /// libpcap's description, if any.
        package var description: String?
        /// IPv4 and IPv6 addresses in text form (other families are left out).
        package var addresses: [String]
        /// `PCAP_IF_UP`.
        package var isUp: Bool
        /// `PCAP_IF_RUNNING`.
        package var isRunning: Bool
        /// `PCAP_IF_LOOPBACK`.
        package var isLoopback: Bool
    }

    /// Every interface libpcap knows of.
    /// - Throws: `CaptureError.live(interface: "*", operation: "findalldevs")` with libpcap's message.
    package static func all() throws(CaptureError) -> [Interface] {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        var first: UnsafeMutablePointer<pcap_if_t>?
        guard unsafe pcap_findalldevs(&first, &errorBuffer) == 0 else {
            let message = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .live(interface: "*", operation: "findalldevs", message: message, permissionDenied: false)
        }
        defer { unsafe pcap_freealldevs(first) }
        var interfaces: [Interface] = []
        var cursor = unsafe first
        while let device = unsafe cursor, interfaces.count < 4_096 {
            let entry = unsafe device.pointee
            interfaces.append(
                Interface(
                    name: String(cString: unsafe entry.name),
                    description: unsafe entry.description.map { unsafe String(cString: $0) },
                    addresses: unsafe addresses(entry.addresses),
                    isUp: entry.flags & UInt32(PCAP_IF_UP) != 0,
                    isRunning: entry.flags & UInt32(PCAP_IF_RUNNING) != 0,
                    isLoopback: entry.flags & UInt32(PCAP_IF_LOOPBACK) != 0
                )
            )
            cursor = unsafe entry.next
        }
        return interfaces
    }

    private static func addresses(_ list: UnsafeMutablePointer<pcap_addr>?) -> [String] {
        var texts: [String] = []
        var cursor = unsafe list
        while let node = unsafe cursor, texts.count < 256 {
            if let address = unsafe node.pointee.addr, let text = unsafe text(of: address) { texts.append(text) }
            cursor = unsafe node.pointee.next
        }
        return texts
    }

    /// `inet_ntop` of an AF_INET or AF_INET6 socket address; nil for other families.
    private static func text(of address: UnsafeMutablePointer<sockaddr>) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = Int32(unsafe address.pointee.sa_family)
        let written: UnsafePointer<CChar>?
        switch family {
        case AF_INET:
            written = unsafe address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                unsafe withUnsafePointer(to: &inet.pointee.sin_addr) { raw in
                    unsafe inet_ntop(AF_INET, raw, &buffer, socklen_t(buffer.count))
                }
            }
        case AF_INET6:
            written = unsafe address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { inet6 in
                unsafe withUnsafePointer(to: &inet6.pointee.sin6_addr) { raw in
                    unsafe inet_ntop(AF_INET6, raw, &buffer, socklen_t(buffer.count))
                }
            }
        default:
            return nil
        }
        guard unsafe written != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
