import TLSPrintCore

/// One direction of an SSH connection, read from its first byte: the identification line (after the lines a
/// server may send first), then the first SSH_MSG_KEXINIT (RFC 4253 §4.2, §6, §7.1). After that it wants no
/// more bytes.
///
/// Feed it the direction's contiguous bytes in chunks of any size, down to one byte. It holds at most one
/// line (255 bytes, or what is left of the 8 KiB a server may send before its identification line) or one
/// binary packet (4 + 35,000 bytes). It stops with a `StopReason`, which the sensor counts, when the peer
/// breaks a rule or a cap: an identification line without LF is cut off at 255 bytes. A peer that goes quiet
/// mid-line is left to the flow timeout.
package struct SSHStreamReader: Sendable {
    /// Which end sends this direction: only a server may send lines before its identification line.
    package enum Role: Hashable, Sendable {
        /// The connection's initiator.
        case client
        /// The side that accepted the connection.
        case server
    }

    /// Why the reader stopped before a KEXINIT (a counter label).
    package enum StopReason: String, Hashable, Sendable, CaseIterable {
        /// A client's first line, or a server's line where an identification line had to start, is not `SSH-`.
        case notSSH
        /// An identification line reached 255 bytes without LF.
        case identificationTooLong
        /// A server sent more than 64 lines before its identification line.
        case tooManyPreludeLines
        /// A server sent more than 8 KiB before its identification line.
        case preludeTooLong
        /// A binary packet declared a `packet_length` above 35,000.
        case packetTooLong
        /// A binary packet's lengths did not fit (padding longer than the packet, no message number).
        case malformedPacket
        /// The KEXINIT payload did not parse.
        case malformedKexInit
        /// SSH_MSG_DISCONNECT came before the KEXINIT.
        case disconnected
        /// A message other than KEXINIT, IGNORE, UNIMPLEMENTED or DEBUG came before the KEXINIT.
        case unexpectedMessage
        /// More than `maximumPacketsBeforeKexInit` IGNORE, UNIMPLEMENTED or DEBUG packets came first.
        case tooManyPacketsBeforeKexInit
    }

    /// What a chunk completed, in stream order.
    package enum Yield: Hashable, Sendable {
        /// The identification line, and how many lines the server sent before it.
        case identification(SSHIdentification, precedingLines: Int)
        /// The first KEXINIT.
        case kexInit(SSHKexInit)
    }

    /// What a direction's first bytes say about it.
    package enum Opening: Hashable, Sendable {
        /// Fewer than four bytes, all matching `SSH-` so far.
        case undecided
        /// The direction opens with `SSH-`.
        case ssh
        /// It does not (a server may still be SSH after prelude lines: decide on the client's direction).
        case notSSH
    }

    /// Lines a server may send before its identification line (tlsprint's cap; OpenSSH takes 1,024).
    package static let maximumPreludeLines = 64
    /// Bytes a server may send before its identification line, line endings included.
    package static let maximumPreludeBytes = 8_192
    /// SSH_MSG_IGNORE, UNIMPLEMENTED and DEBUG packets skipped before the KEXINIT (RFC 4253 §11 allows them).
    package static let maximumPacketsBeforeKexInit = 16

    enum Phase: Hashable, Sendable {
        case lines
        case packets
        case done
        case stopped(StopReason)
    }

    /// Which end sends this direction.
    package let role: Role
    /// The identification line, once complete.
    package private(set) var identification: SSHIdentification?
    /// Lines the server sent before its identification line.
    package private(set) var precedingLines = 0
    /// The first KEXINIT, once complete.
    package private(set) var kexInit: SSHKexInit?

    var phase = Phase.lines
    /// The current line, or the current binary packet from its `packet_length` on.
    var buffer: [UInt8] = []
    /// Set when the current line cannot be an identification line.
    var lineIsPrelude = false
    var preludeBytes = 0
    /// The current packet's `packet_length`, once its four bytes are in `buffer`.
    var packetLength: Int?
    var packetsBeforeKexInit = 0

    /// A reader for the direction sent by `role`, from its first byte.
    package init(role: Role) { self.role = role }

    /// Why the reader stopped, or nil while it reads or after it read the KEXINIT (or an SSH 1 line).
    package var stopReason: StopReason? {
        guard case .stopped(let reason) = phase else { return nil }
        return reason
    }

    /// True when the reader wants no more bytes: it has the KEXINIT, the peer speaks only SSH 1, or it stopped.
    package var isFinished: Bool { phase != .lines && phase != .packets }

    /// Bytes held for a partial line or packet (the sensor's memory budget counts them).
    package var bufferedBytes: Int { buffer.count }

    /// What `firstBytes`, the first bytes of a direction, say about it.
    package static func opening(_ firstBytes: Span<UInt8>) -> Opening {
        var reader = ByteReader(firstBytes)
        for expected in SSHIdentification.prefix {
            guard let byte = try? reader.readUInt8() else { return .undecided }
            guard byte == expected else { return .notSSH }
        }
        return .ssh
    }

    /// Consumes the next bytes of the direction; returns what they completed. Bytes after the reader
    /// finished are ignored.
    package mutating func feed(_ bytes: Span<UInt8>) -> [Yield] {
        var reader = ByteReader(bytes)
        var yields: [Yield] = []
        while !reader.isAtEnd {
            switch phase {
            case .lines: readLines(&reader, into: &yields)
            case .packets: readPackets(&reader, into: &yields)
            case .done, .stopped: return yields
            }
        }
        return yields
    }

    /// Consumes the next bytes of the direction (array convenience).
    package mutating func feed(_ bytes: [UInt8]) -> [Yield] {
        feed(bytes.span)
    }

    mutating func stop(_ reason: StopReason) {
        phase = .stopped(reason)
        buffer = []
    }

    /// Reads lines until the identification line is complete, a cap is hit or the bytes end.
    mutating func readLines(_ reader: inout ByteReader, into yields: inout [Yield]) {
        while phase == .lines, let byte = try? reader.readUInt8() {
            buffer.append(byte)
            // A line is prelude as soon as it differs from "SSH-" (a LF within the first four bytes differs).
            if !lineIsPrelude, buffer.count <= SSHIdentification.prefix.count,
                !SSHIdentification.prefix.starts(with: buffer)
            {
                lineIsPrelude = true
            }
            let endsLine = byte == UInt8(ascii: "\n")
            if lineIsPrelude {
                guard role == .server else { return stop(.notSSH) }
                guard precedingLines < Self.maximumPreludeLines else { return stop(.tooManyPreludeLines) }
                guard preludeBytes + buffer.count <= Self.maximumPreludeBytes else { return stop(.preludeTooLong) }
            } else if !endsLine, buffer.count >= SSHIdentification.maximumLength {
                return stop(.identificationTooLong)
            }
            guard endsLine else { continue }
            if lineIsPrelude {
                precedingLines += 1
                preludeBytes += buffer.count
                buffer.removeAll(keepingCapacity: true)
                lineIsPrelude = false
            } else {
                finishIdentification(into: &yields)
            }
        }
    }

    mutating func finishIdentification(into yields: inout [Yield]) {
        // The line starts with "SSH-" and ends in LF within 255 bytes, so this parse cannot fail; the
        // mapping keeps the reader honest if that ever changes.
        let line: SSHIdentification
        do {
            line = try SSHIdentification(parsingAll: buffer)
        } catch {
            return stop(error.reason == .invalidValue ? .notSSH : .identificationTooLong)
        }
        buffer = []
        identification = line
        yields.append(.identification(line, precedingLines: precedingLines))
        phase = line.speaksSSH2 ? .packets : .done
    }

    /// Reads binary packets until the KEXINIT is complete, the reader stops or the bytes end.
    mutating func readPackets(_ reader: inout ByteReader, into yields: inout [Yield]) {
        while phase == .packets, !reader.isAtEnd {
            let wanted = 4 + (packetLength ?? 0)
            buffer += Self.take(min(wanted - buffer.count, reader.remaining), from: &reader)
            guard buffer.count == wanted else { return }
            guard packetLength != nil else {
                var header = ByteReader(buffer.span)
                let length = Int((try? header.readUInt32()) ?? 0)  // four bytes are there
                guard length <= SSHBinaryPacket.maximumPacketLength else { return stop(.packetTooLong) }
                // padding_length and a message number at least, else the next read would wait for nothing.
                guard length >= 2 else { return stop(.malformedPacket) }
                packetLength = length
                continue
            }
            finishPacket(into: &yields)
        }
    }

    mutating func finishPacket(into yields: inout [Yield]) {
        let packet: SSHBinaryPacket
        do {
            packet = try SSHBinaryPacket(parsingAll: buffer)
        } catch {
            return stop(.malformedPacket)
        }
        buffer = []
        packetLength = nil
        switch packet.messageNumber {
        case SSHKexInit.messageNumber:
            do {
                let message = try SSHKexInit(parsingAll: packet.payload)
                kexInit = message
                yields.append(.kexInit(message))
                phase = .done
            } catch {
                stop(.malformedKexInit)
            }
        case 1:  // SSH_MSG_DISCONNECT
            stop(.disconnected)
        case 2, 3, 4:  // SSH_MSG_IGNORE, SSH_MSG_UNIMPLEMENTED, SSH_MSG_DEBUG
            packetsBeforeKexInit += 1
            if packetsBeforeKexInit > Self.maximumPacketsBeforeKexInit { stop(.tooManyPacketsBeforeKexInit) }
        default:
            stop(.unexpectedMessage)
        }
    }

    /// `count` bytes from `reader`; callers never ask for more than `reader.remaining`, so this cannot fail.
    static func take(_ count: Int, from reader: inout ByteReader) -> [UInt8] {
        (try? reader.readBytes(count)) ?? []
    }
}
