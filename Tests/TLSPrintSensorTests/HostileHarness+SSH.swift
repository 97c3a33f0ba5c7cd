import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintSSH

extension FuzzHarness {
    /// Byte 0 seeds the segmentation (`chunks`), the rest is one direction of an SSH stream, read as a client's
    /// and as a server's: each must give the same result in chunks as in one piece and stay within its buffer
    /// cap. The KEXINITs found feed HASSH, HASSH-server and the negotiation; the rest is also parsed directly
    /// as a binary packet and a KEXINIT payload, and drives a JA4SSH window (one segment per byte).
    package static func ssh(_ bytes: [UInt8]) {
        guard let seed = bytes.first else { return }
        let stream = Array(bytes.dropFirst())
        var readers: [SSHStreamReader] = []
        for role in [SSHStreamReader.Role.client, .server] {
            var whole = SSHStreamReader(role: role)
            let wholeYields = whole.feed(stream)
            var pieces = SSHStreamReader(role: role)
            var piecesYields: [SSHStreamReader.Yield] = []
            for chunk in chunks(stream, seed: seed) {
                piecesYields += pieces.feed(Array(chunk))
                precondition(pieces.bufferedBytes <= 4 + SSHBinaryPacket.maximumPacketLength, "buffer cap")
            }
            precondition(wholeYields == piecesYields, "segmentation changed the yields")
            precondition(whole.stopReason == pieces.stopReason, "segmentation changed the stop reason")
            precondition(wholeYields.count <= 2, "more than a line and a KEXINIT")
            readers.append(whole)
        }
        let client = readers[0].kexInit
        let server = readers[1].kexInit
        if let client { _ = HASSH(client: client).hash }
        if let server { _ = HASSH(server: server).hash }
        if let client, let server { _ = SSHNegotiation(client: client, server: server) }
        if let packet = try? SSHBinaryPacket(parsingAll: stream) { _ = try? SSHKexInit(parsingAll: packet.payload) }
        if let kexInit = try? SSHKexInit(parsingAll: stream) {
            _ = (HASSH(client: kexInit), SSHNegotiation(client: kexInit, server: kexInit))
        }
        var window = JA4SSHWindow()
        var windows = 0
        for byte in stream {
            let side: JA4SSHWindow.Side = byte & 1 == 0 ? .client : .server
            if let value = window.add(from: side, payloadLength: Int(byte >> 2), isBareACK: byte & 2 != 0) {
                precondition(value.clientPackets + value.serverPackets == JA4SSHWindow.packetsPerWindow, "window size")
                windows += 1
                _ = value.rendered
            }
        }
        if window.finish() != nil { windows += 1 }
        precondition(window.closedWindows == windows, "window count")
    }
}
