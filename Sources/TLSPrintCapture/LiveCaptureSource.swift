internal import CPcap
import Glibc
import Synchronization
import TLSPrintCore

/// Captures packets from a network interface through libpcap, one batch at a time, without blocking forever.
///
/// The handle is opened with `pcap_create`, configured (snap length, buffer, promiscuous, immediate mode,
/// nanosecond timestamps), activated, given an optional BPF filter and put in non-blocking mode. `dispatch`
/// delivers what the kernel holds; when nothing is there it waits in `poll(2)` on libpcap's selectable
/// descriptor (and an optional wake descriptor, e.g. a signalfd) for at most the given timeout, so the caller
/// notices idle periods and stop requests. (`pcap_next_ex` ignores its timeout on Linux; this does not.)
///
/// One thread drives `dispatch`; `stop()` may be called from any thread. The handle is closed in `deinit`.
package final class LiveCaptureSource {
    /// What one `dispatch` call did.
    package enum Step: Hashable, Sendable {
        /// This many packets were handed to the body (possibly 0 after a spurious wake-up).
        case delivered(Int)
        /// The timeout passed with no packet.
        case idle
        /// The wake descriptor became readable; no packet was read.
        case woken
        /// `stop()` was called; the capture delivers nothing more.
        case stopped
    }

    /// The configuration the capture was opened with.
    package let configuration: LiveCaptureConfiguration
    /// The interface's link type (`pcap_datalink`), as `CaptureInfo.linkType` carries it.
    package let linkType: LinkType
    /// True when libpcap delivers nanosecond timestamps.
    package let nanosecondTimestamps: Bool
    /// A warning `pcap_activate` returned (e.g. promiscuous mode unsupported), for the operator.
    package let activationWarning: String?

    private let handle: OpaquePointer
    private let selectableDescriptor: Int32
    private let stopRequested = Atomic<Bool>(false)

    /// Opens and activates the capture, then installs the filter.
    /// - Throws: `CaptureError.live` naming the failed step: `open`, `configure`, `activate` (permission
    ///   denied sets `permissionDenied`; a missing interface says so), `filter`, or `nonblocking`.
    package init(configuration: LiveCaptureConfiguration) throws(CaptureError) {
        self.configuration = configuration
        let interface = configuration.interface
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        let created = unsafe errorBuffer.withUnsafeMutableBufferPointer { buffer in
            unsafe pcap_create(interface, buffer.baseAddress)
        }
        guard let created = unsafe created else {
            throw .live(
                interface: interface,
                operation: "open",
                message: Self.text(errorBuffer),
                permissionDenied: false
            )
        }
        do throws(CaptureError) {
            try Self.configure(unsafe created, configuration)
            let precision = unsafe pcap_set_tstamp_precision(created, Int32(PCAP_TSTAMP_PRECISION_NANO))
            activationWarning = try Self.activate(unsafe created, interface: interface)
            let granted = unsafe pcap_get_tstamp_precision(created)
            nanosecondTimestamps = precision == 0 && granted == PCAP_TSTAMP_PRECISION_NANO
            linkType = LinkType(rawValue: UInt32(truncatingIfNeeded: unsafe pcap_datalink(created)))
            if let filter = configuration.filter {
                var program = try BPFProgram(compiling: filter, for: unsafe created, interface: interface)
                try program.install(on: unsafe created, interface: interface)
            }
            if unsafe pcap_setnonblock(created, 1, &errorBuffer) != 0 {
                throw CaptureError.live(
                    interface: interface,
                    operation: "nonblocking",
                    message: Self.text(errorBuffer),
                    permissionDenied: false
                )
            }
            selectableDescriptor = unsafe pcap_get_selectable_fd(created)
            guard selectableDescriptor >= 0 else {
                throw CaptureError.live(
                    interface: interface,
                    operation: "poll",
                    message: "no selectable descriptor",
                    permissionDenied: false
                )
            }
        } catch {
            unsafe pcap_close(created)
            throw error
        }
        // Last, so a failure above never leaves a half-built object whose deinit would close twice.
        handle = unsafe created
    }

    deinit {
        unsafe pcap_close(handle)
    }

    /// Asks the capture to stop: the current or next `dispatch` returns `.stopped`. Safe from any thread.
    package func stop() {
        stopRequested.store(true, ordering: .releasing)
        unsafe pcap_breakloop(handle)
    }

    /// True once `stop()` was called.
    /// The link type by libpcap's name (`EN10MB`, `LINUX_SLL2`), or its number when libpcap has no name.
    package var linkTypeName: String {
        guard let name = unsafe pcap_datalink_val_to_name(Int32(bitPattern: linkType.rawValue)) else {
            return String(linkType.rawValue)
        }
        return unsafe String(cString: name)
    }

    /// The snapshot length the capture uses (`pcap_snapshot`).
    package var snapshotLength: Int { Int(unsafe pcap_snapshot(handle)) }

    package var isStopped: Bool { stopRequested.load(ordering: .acquiring) }

    /// Delivers up to `maximumPackets` waiting packets to `body`, waiting at most `timeoutMilliseconds` for one.
    ///
    /// The bytes are lent for the duration of each call only. `wakeDescriptor`, when given, is polled too and
    /// ends the wait with `.woken` when readable (the caller reads it).
    /// - Throws: `CaptureError.live(operation: "read")` when libpcap reports an error (e.g. the interface went
    ///   away).
    package func dispatch(
        maximumPackets: Int32 = 512,
        timeoutMilliseconds: Int32,
        wakeDescriptor: Int32? = nil,
        _ body: (CaptureInfo, Span<UInt8>) -> Void
    ) throws(CaptureError) -> Step {
        if isStopped { return .stopped }
        let first = try read(maximumPackets: maximumPackets, body)
        if first != 0 { return first < 0 ? .stopped : .delivered(first) }
        var descriptors = [pollfd(fd: selectableDescriptor, events: Int16(POLLIN), revents: 0)]
        if let wakeDescriptor { descriptors.append(pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)) }
        let ready = unsafe poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
        if isStopped { return .stopped }
        if ready < 0 {
            if errno == EINTR { return .idle }
            throw .live(
                interface: configuration.interface,
                operation: "poll",
                message: String(cString: strerror(errno)),
                permissionDenied: false
            )
        }
        if descriptors.count > 1, descriptors[1].revents != 0 { return .woken }
        guard ready > 0 else { return .idle }
        let second = try read(maximumPackets: maximumPackets, body)
        return second < 0 ? .stopped : .delivered(second)
    }

    /// libpcap's cumulative receive and drop counters.
    /// - Throws: `CaptureError.live(operation: "stats")` if libpcap cannot read them.
    package func statistics() throws(CaptureError) -> LiveCaptureStatistics {
        var stat = pcap_stat()
        guard unsafe pcap_stats(handle, &stat) == 0 else {
            throw .live(
                interface: configuration.interface,
                operation: "stats",
                message: lastError,
                permissionDenied: false
            )
        }
        return LiveCaptureStatistics(
            received: Int(stat.ps_recv),
            droppedKernel: Int(stat.ps_drop),
            droppedInterface: Int(stat.ps_ifdrop)
        )
    }

    /// One non-blocking `pcap_dispatch`: the packet count, or -1 when `pcap_breakloop` ended it.
    private func read(maximumPackets: Int32, _ body: (CaptureInfo, Span<UInt8>) -> Void) throws(CaptureError) -> Int {
        let result = withoutActuallyEscaping(body) { escapable in
            var context = DispatchContext(
                body: escapable,
                linkType: linkType,
                nanoseconds: nanosecondTimestamps
            )
            return unsafe withUnsafeMutablePointer(to: &context) { pointer in
                unsafe pcap_dispatch(
                    handle,
                    maximumPackets,
                    deliverPacket,
                    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
                )
            }
        }
        if result == PCAP_ERROR_BREAK { return -1 }
        guard result >= 0 else {
            throw .live(
                interface: configuration.interface,
                operation: "read",
                message: lastError,
                permissionDenied: false
            )
        }
        return Int(result)
    }

    private var lastError: String { String(cString: unsafe pcap_geterr(handle)) }

    private static func configure(_ handle: OpaquePointer, _ configuration: LiveCaptureConfiguration)
        throws(CaptureError)
    {
        let settings: [(String, Int32)] = [
            ("snaplen", unsafe pcap_set_snaplen(handle, Int32(clamping: configuration.snapLength))),
            ("promisc", unsafe pcap_set_promisc(handle, configuration.promiscuous ? 1 : 0)),
            ("immediate_mode", unsafe pcap_set_immediate_mode(handle, configuration.immediateMode ? 1 : 0)),
            ("buffer_size", unsafe pcap_set_buffer_size(handle, Int32(clamping: configuration.bufferSize))),
            ("timeout", unsafe pcap_set_timeout(handle, 100)),
        ]
        for (name, status) in settings where status != 0 {
            throw .live(
                interface: configuration.interface,
                operation: "configure",
                message: "pcap_set_\(name): \(String(cString: unsafe pcap_statustostr(status)))",
                permissionDenied: false
            )
        }
    }

    /// Activates; returns libpcap's warning text for a positive status, throws for a negative one.
    private static func activate(_ handle: OpaquePointer, interface: String) throws(CaptureError) -> String? {
        let status = unsafe pcap_activate(handle)
        let detail = String(cString: unsafe pcap_geterr(handle))
        if status == 0 { return nil }
        if status > 0 {
            let summary = String(cString: unsafe pcap_statustostr(status))
            return detail.isEmpty ? summary : "\(summary): \(detail)"
        }
        let message: String
        switch status {
        case PCAP_ERROR_NO_SUCH_DEVICE:
            message = "no such interface (see `tlsprint interfaces`)"
        case PCAP_ERROR_PERM_DENIED, PCAP_ERROR_PROMISC_PERM_DENIED:
            message =
                "permission denied: needs CAP_NET_RAW (and CAP_NET_ADMIN for promiscuous mode)"
                + (detail.isEmpty ? "" : " (\(detail))")
        case PCAP_ERROR_IFACE_NOT_UP:
            message = "interface is not up"
        default:
            let summary = String(cString: unsafe pcap_statustostr(status))
            message = detail.isEmpty ? summary : "\(summary): \(detail)"
        }
        let denied = status == PCAP_ERROR_PERM_DENIED || status == PCAP_ERROR_PROMISC_PERM_DENIED
        throw .live(interface: interface, operation: "activate", message: message, permissionDenied: denied)
    }

    private static func text(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What the C callback needs: the caller's body and how to build `CaptureInfo`.
private struct DispatchContext {
    var body: (CaptureInfo, Span<UInt8>) -> Void
    var linkType: LinkType
    var nanoseconds: Bool
}

/// The `pcap_handler` passed to `pcap_dispatch`; `user` points at a `DispatchContext` on the caller's stack.
private func deliverPacket(
    user: UnsafeMutablePointer<UInt8>?,
    header: UnsafePointer<pcap_pkthdr>?,
    bytes: UnsafePointer<UInt8>?
) {
    guard let user = unsafe user, let header = unsafe header, let bytes = unsafe bytes else { return }
    let context = unsafe UnsafeMutableRawPointer(user).assumingMemoryBound(to: DispatchContext.self)
    let record = unsafe header.pointee
    let fraction = Int64(record.ts.tv_usec)
    let timestamp = CaptureTimestamp(
        seconds: Int64(record.ts.tv_sec),
        nanoseconds: unsafe context.pointee.nanoseconds ? fraction : fraction &* 1_000
    )
    let info = CaptureInfo(
        timestamp: timestamp,
        capturedLength: Int(record.caplen),
        originalLength: Int(record.len),
        linkType: unsafe context.pointee.linkType
    )
    let buffer = unsafe UnsafeBufferPointer(start: bytes, count: Int(record.caplen))
    unsafe context.pointee.body(info, unsafe buffer.span)
}
