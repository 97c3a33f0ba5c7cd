internal import CPcap

/// A compiled BPF filter (pcap-filter(7) syntax), owned until installed or dropped (`pcap_freecode`).
struct BPFProgram: ~Copyable {
    private var program = bpf_program()

    /// Compiles `expression` for the activated `handle` (optimised, netmask unknown).
    /// - Throws: `CaptureError.live(operation: "filter")` with libpcap's syntax message.
    init(compiling expression: String, for handle: OpaquePointer, interface: String) throws(CaptureError) {
        let status = unsafe pcap_compile(handle, &program, expression, 1, PCAP_NETMASK_UNKNOWN)
        guard status == 0 else {
            throw .live(
                interface: interface,
                operation: "filter",
                message: "'\(expression)': \(String(cString: unsafe pcap_geterr(handle)))",
                permissionDenied: false
            )
        }
    }

    deinit {
        var owned = program
        unsafe pcap_freecode(&owned)
    }

    /// Installs the program on `handle` (libpcap copies it, so this value may be dropped afterwards).
    /// - Throws: `CaptureError.live(operation: "filter")` when the kernel refuses it.
    mutating func install(on handle: OpaquePointer, interface: String) throws(CaptureError) {
        guard unsafe pcap_setfilter(handle, &program) == 0 else {
            throw .live(
                interface: interface,
                operation: "filter",
                message: String(cString: unsafe pcap_geterr(handle)),
                permissionDenied: false
            )
        }
    }
}
