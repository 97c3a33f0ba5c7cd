internal import CPcap
import TLSPrintCore

/// A BPF filter (pcap-filter(7) syntax) for packets read from files, as `tcpdump -r FILE EXPRESSION` applies
/// one: compiled by libpcap for each link type the files use (on a dead handle), run with `bpf_filter`.
package final class PacketFilter {
    /// The expression as given.
    package let expression: String
    private var programs: [UInt32: CompiledProgram] = [:]

    /// Compiles `expression` for Ethernet at once, so a syntax error is reported before any file is read.
    /// - Throws: `CaptureError.filter` with libpcap's message.
    package init(expression: String) throws(CaptureError) {
        self.expression = expression
        programs[LinkType.ethernet.rawValue] = try CompiledProgram(expression, linkType: .ethernet)
    }

    /// True when the filter accepts the packet (`frame` is what was captured of `info.originalLength` bytes).
    /// - Throws: `CaptureError.filter` when the expression cannot apply to the packet's link type (e.g.
    ///   `ether host` on raw IP), as tcpdump refuses it.
    package func accepts(_ info: CaptureInfo, _ frame: Span<UInt8>) throws(CaptureError) -> Bool {
        let program: CompiledProgram
        if let compiled = programs[info.linkType.rawValue] {
            program = compiled
        } else {
            program = try CompiledProgram(expression, linkType: info.linkType)
            programs[info.linkType.rawValue] = program
        }
        return program.accepts(frame, wireLength: info.originalLength)
    }
}

/// One compiled program, freed with `pcap_freecode`.
private final class CompiledProgram {
    private var program = bpf_program()

    init(_ expression: String, linkType: LinkType) throws(CaptureError) {
        guard let dead = unsafe pcap_open_dead(Int32(bitPattern: linkType.rawValue), 262_144) else {
            throw .filter(expression: expression, message: "no libpcap handle for link type \(linkType.rawValue)")
        }
        defer { unsafe pcap_close(dead) }
        guard unsafe pcap_compile(dead, &program, expression, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            throw .filter(expression: expression, message: String(cString: unsafe pcap_geterr(dead)))
        }
    }

    deinit { unsafe pcap_freecode(&program) }

    func accepts(_ frame: Span<UInt8>, wireLength: Int) -> Bool {
        let wire = UInt32(clamping: max(wireLength, frame.count))
        return frame.withUnsafeBufferPointer { bytes in
            // An empty packet still needs a valid pointer; bpf_filter checks every load against the length.
            guard let base = bytes.baseAddress else {
                var none: UInt8 = 0
                return unsafe bpf_filter(program.bf_insns, &none, wire, 0) != 0
            }
            return unsafe bpf_filter(program.bf_insns, base, wire, UInt32(bytes.count)) != 0
        }
    }
}
