import TLSPrintCore
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintSSH

/// What the sensor keeps about one SSH stream: both sides' identification lines and first KEXINITs until its
/// `ssh_handshake` event, then only the open JA4SSH window (constant memory, no payload bytes).
struct SSHSession: Sendable {
    /// The client's direction, fixed when the stream was recognised (the SYN's sender, else the first packet's).
    let clientDirection: Direction
    private(set) var clientIdentification: SSHIdentification?
    private(set) var serverIdentification: SSHIdentification?
    private var clientKexInit: SSHKexInit?
    private var serverKexInit: SSHKexInit?
    /// Bytes the two KEXINITs hold while they wait for the event.
    private var kexInitBytes = 0
    /// Set once `ssh_handshake` was built; the KEXINITs are released then.
    private(set) var reported = false
    /// When the last identification line or KEXINIT completed.
    private var handshakeTime: CaptureTimestamp
    private var window = JA4SSHWindow()
    private var forwardRepeats = SegmentRepeatFilter()
    private var reverseRepeats = SegmentRepeatFilter()
    /// The last segment counted into the open window.
    private var lastSegmentTime: CaptureTimestamp
    /// The fingerprint families wanted (`--fingerprints`): without `ja4ssh` no window is counted, without
    /// `hassh` no HASSH is worked out.
    let families: FingerprintFamilies
    private var countsWindows: Bool { families.contains(.ja4ssh) }

    /// A session recognised at `time`, with the bare ACKs each direction sent before.
    init(
        clientDirection: Direction,
        time: CaptureTimestamp,
        bareACKsBefore: (forward: Int, reverse: Int),
        families: FingerprintFamilies = .all
    ) {
        self.clientDirection = clientDirection
        self.families = families
        handshakeTime = time
        lastSegmentTime = time
        window.addBareACKs(from: side(.forward), count: bareACKsBefore.forward)
        window.addBareACKs(from: side(.reverse), count: bareACKsBefore.reverse)
    }

    /// Which end sends `direction`.
    func role(_ direction: Direction) -> SSHStreamReader.Role { direction == clientDirection ? .client : .server }

    private func side(_ direction: Direction) -> JA4SSHWindow.Side { direction == clientDirection ? .client : .server }

    /// Bytes the session holds: the open window's lengths (the KEXINITs until they are reported).
    var bufferedBytes: Int {
        window.bufferedBytes + kexInitBytes
    }

    /// Takes what a direction's SSH reader completed; true when both KEXINITs are in and not yet reported.
    mutating func take(_ yield: SSHStreamReader.Yield, from direction: Direction, at time: CaptureTimestamp) -> Bool {
        handshakeTime = time
        let isClient = direction == clientDirection
        switch yield {
        case .identification(let identification, _):
            if isClient { clientIdentification = identification } else { serverIdentification = identification }
        case .kexInit(let kexInit):
            kexInitBytes += kexInit.byteCount
            if isClient { clientKexInit = kexInit } else { serverKexInit = kexInit }
        }
        return !reported && clientKexInit != nil && serverKexInit != nil
    }

    /// Counts one TCP segment of the stream (docs/events.md: payload segments once, bare ACKs per side); returns
    /// the window it closed, if any.
    mutating func count(
        from direction: Direction,
        sequence: TCPSequence,
        payloadLength: Int,
        isBareACK: Bool,
        at time: CaptureTimestamp
    ) -> JA4SSH? {
        guard countsWindows else { return nil }
        let isRepeat =
            direction == .forward
            ? forwardRepeats.isRepeat(sequence: sequence, length: payloadLength)
            : reverseRepeats.isRepeat(sequence: sequence, length: payloadLength)
        guard !isRepeat else { return nil }
        lastSegmentTime = time
        return window.add(from: side(direction), payloadLength: payloadLength, isBareACK: isBareACK)
    }

    /// When the stream last sent a counted segment.
    var lastActivity: CaptureTimestamp { lastSegmentTime }

    /// The windows closed so far.
    var closedWindows: Int { window.closedWindows }

    /// The `ssh_handshake` event with what was seen; marks the session reported and releases the KEXINITs.
    /// Nil when nothing was seen (identification lines never completed) or it was reported already.
    mutating func handshakeEvent(endpoints: EventEndpoints, tcp: TCPFacts) -> SSHHandshakeEvent? {
        guard !reported, clientIdentification != nil || serverIdentification != nil else { return nil }
        reported = true
        defer {
            clientKexInit = nil
            serverKexInit = nil
            kexInitBytes = 0
        }
        let negotiated = clientKexInit.flatMap { client in
            serverKexInit.map { server in
                let chosen = SSHNegotiation(client: client, server: server)
                return SSHNegotiated(
                    kex: chosen.kex,
                    hostKey: chosen.hostKey,
                    cipher: chosen.cipher,
                    mac: chosen.mac,
                    compression: chosen.compression
                )
            }
        }
        // HASSH only when wanted (`--fingerprints`); the negotiated algorithms are no fingerprint.
        let hasshClient = families.contains(.hassh) ? clientKexInit : nil
        let hasshServer = families.contains(.hassh) ? serverKexInit : nil
        return SSHHandshakeEvent(
            timestamp: handshakeTime,
            endpoints: endpoints,
            clientIdentification: clientIdentification?.line,
            serverIdentification: serverIdentification?.line,
            hassh: hasshClient.map { HASSH(client: $0) }.map { HASSHValue(hash: $0.hash, algorithms: $0.algorithms) },
            hasshServer: hasshServer.map { HASSH(server: $0) }.map {
                HASSHValue(hash: $0.hash, algorithms: $0.algorithms)
            },
            negotiated: negotiated,
            tcp: tcp
        )
    }

    /// The `ssh_activity` event of a closed window.
    func activityEvent(_ value: JA4SSH, endpoints: EventEndpoints, tcp: TCPFacts) -> SSHActivityEvent {
        SSHActivityEvent(
            timestamp: lastSegmentTime,
            endpoints: endpoints,
            ja4ssh: value.rendered,
            window: window.closedWindows,
            tcp: tcp
        )
    }

    /// The remainder window, when the stream ends; nil when it holds no SSH packet.
    mutating func finishWindow() -> JA4SSH? { countsWindows ? window.finish() : nil }
}

extension SSHKexInit {
    /// The bytes its name-lists and cookie hold.
    var byteCount: Int {
        cookie.count
            + [
                kexAlgorithms, serverHostKeyAlgorithms, encryptionAlgorithmsClientToServer,
                encryptionAlgorithmsServerToClient, macAlgorithmsClientToServer, macAlgorithmsServerToClient,
                compressionAlgorithmsClientToServer, compressionAlgorithmsServerToClient, languagesClientToServer,
                languagesServerToClient,
            ].reduce(0) { $0 + $1.bytes.count }
    }
}
