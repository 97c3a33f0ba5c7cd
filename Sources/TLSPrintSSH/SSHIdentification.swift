import TLSPrintCore

// RFC 4253 §4.2
//   SSH-protoversion-softwareversion SP comments CR LF
// The line is at most 255 bytes, CR LF included; `SP comments` is optional. A server may send other lines
// first (they do not start with "SSH-"); a client may not.

/// An SSH identification line, such as `SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3`, kept as the bytes sent.
///
/// Attacker bytes: nothing is assumed to be ASCII or UTF-8, and NUL or other control bytes are kept (OpenSSH
/// rejects NUL; a sensor records what was sent).
package struct SSHIdentification: Hashable, Sendable, WireParseable {
    /// Longest line, CR LF included (RFC 4253 §4.2).
    package static let maximumLength = 255
    /// The bytes every identification line starts with.
    package static let prefix: [UInt8] = Array("SSH-".utf8)

    /// The line without its line ending (CR LF, or a bare LF).
    package var line: [UInt8]
    /// `protoversion`: `2.0`, `1.99` (a server that speaks SSH 2 and SSH 1) or `1.5`, for example.
    package var protocolVersion: [UInt8]
    /// `softwareversion`: from the second `-` to the first space or the end of the line.
    package var softwareVersion: [UInt8]
    /// What follows the first space, or nil without one.
    package var comments: [UInt8]?

    /// Parses one line from `SSH-` through its LF; a CR before the LF is optional, as OpenSSH accepts.
    /// - Throws: `.invalidValue` when the line does not start with `SSH-`, `.limitExceeded` when no LF comes
    ///   within 255 bytes, `.truncated` when the bytes end first.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.offset
        var bytes: [UInt8] = []
        var ended = false
        for _ in 0..<Self.maximumLength {
            let byte = try reader.readUInt8()
            if byte == UInt8(ascii: "\n") {
                ended = true
                break
            }
            bytes.append(byte)
        }
        guard ended else { throw ParseError(.limitExceeded, at: reader.offset) }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard bytes.starts(with: Self.prefix) else { throw ParseError(.invalidValue, at: start) }
        line = bytes
        let fields = bytes.dropFirst(Self.prefix.count)
        let parts = fields.split(separator: UInt8(ascii: " "), maxSplits: 1, omittingEmptySubsequences: false)
        let versions = (parts.first ?? []).split(
            separator: UInt8(ascii: "-"),
            maxSplits: 1,
            omittingEmptySubsequences: false
        )
        protocolVersion = Array(versions.first ?? [])
        softwareVersion = Array(versions.dropFirst().first ?? [])
        comments = parts.dropFirst().first.map { Array($0) }
    }

    /// False for an SSH 1 peer (`1.x` other than `1.99`), which sends no KEXINIT.
    package var speaksSSH2: Bool {
        protocolVersion.first != UInt8(ascii: "1") || protocolVersion == Array("1.99".utf8)
    }
}
