import TLSPrintPacket

/// One end of a transport conversation.
package struct Endpoint: Hashable, Sendable {
    package var address: IPAddress
    package var port: UInt16

    package init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// Written out rather than synthesized: a synthesized `==` is reached from other modules through the
    /// Equatable witness table, and the sensor compares endpoints on every segment.
    package static func == (lhs: Endpoint, rhs: Endpoint) -> Bool {
        guard lhs.port == rhs.port else { return false }
        switch (lhs.address, rhs.address) {
        case (.v4(let left), .v4(let right)): return left == right
        case (.v6(let leftHigh, let leftLow), .v6(let rightHigh, let rightLow)):
            return leftHigh == rightHigh && leftLow == rightLow
        default: return false
        }
    }
}

/// A direction-normalised flow identity: both directions of a conversation map to the same key.
///
/// Held as five words (each address widened to 128 bits; then both ports, the protocol and the address
/// families), so equality is five compares and the table hash three multiplications. `public` and inlinable
/// like `FlowTable`, so that the sensor's specialised tables inline them (Swift 6.3 does not inline
/// `@inlinable package` declarations into other modules); the endpoints stay `package`.
public struct FlowKey: FlowTableKey {
    @usableFromInline let lowerHigh: UInt64
    @usableFromInline let lowerLow: UInt64
    @usableFromInline let upperHigh: UInt64
    @usableFromInline let upperLow: UInt64
    /// Lower port (bits 0-15), upper port (16-31), IP protocol (32-39), lower is IPv6 (40), upper is IPv6 (41).
    @usableFromInline let tail: UInt64

    /// The key of a packet from `source` to `destination`; `ipProtocol` is 6 for TCP, 17 for UDP.
    package init(source: Endpoint, destination: Endpoint, ipProtocol: UInt8) {
        let from = Self.words(source)
        let to = Self.words(destination)
        // IPv4 sorts before IPv6, then by address, then by port (the order `IPAddress` defines).
        let (lower, upper) =
            (from.v6, from.high, from.low, from.port) <= (to.v6, to.high, to.low, to.port)
            ? (from, to) : (to, from)
        lowerHigh = lower.high
        lowerLow = lower.low
        upperHigh = upper.high
        upperLow = upper.low
        tail =
            lower.port | upper.port &<< 16 | UInt64(ipProtocol) &<< 32 | lower.v6 &<< 40 | upper.v6 &<< 41
    }

    /// The endpoint that sorts first.
    package var lower: Endpoint { Self.endpoint(high: lowerHigh, low: lowerLow, v6: tail >> 40 & 1, port: tail) }
    /// The endpoint that sorts second.
    package var upper: Endpoint {
        Self.endpoint(high: upperHigh, low: upperLow, v6: tail >> 41 & 1, port: tail >> 16)
    }
    /// 6 for TCP, 17 for UDP.
    package var ipProtocol: UInt8 { UInt8(truncatingIfNeeded: tail >> 32) }

    @inlinable public static func == (lhs: FlowKey, rhs: FlowKey) -> Bool {
        // One test of the words' differences instead of five branches.
        (lhs.lowerLow ^ rhs.lowerLow) | (lhs.upperLow ^ rhs.upperLow) | (lhs.tail ^ rhs.tail)
            | (lhs.lowerHigh ^ rhs.lowerHigh) | (lhs.upperHigh ^ rhs.upperHigh) == 0
    }

    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(lowerHigh)
        hasher.combine(lowerLow)
        hasher.combine(upperHigh)
        hasher.combine(upperLow)
        hasher.combine(tail)
    }

    /// Folds the five words with 64×64→128-bit multiplications (the wyhash mix), keyed by `seed`.
    @inlinable public func flowTableHash(seed: UInt64) -> UInt64 {
        let first = Self.fold(lowerHigh ^ seed ^ 0xA076_1D64_78BD_642F, lowerLow ^ 0xE703_7ED1_A0B4_28DB)
        let second = Self.fold(upperHigh ^ first ^ 0x8EBC_6AF0_9C88_C6E3, upperLow ^ 0x5899_65CC_7537_4CC3)
        return Self.fold(tail ^ second ^ 0x1D8E_4E27_C47D_124F, seed ^ 0xA076_1D64_78BD_642F)
    }

    @inlinable static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }

    private static func words(_ endpoint: Endpoint) -> (v6: UInt64, high: UInt64, low: UInt64, port: UInt64) {
        switch endpoint.address {
        case .v4(let address): return (0, 0, UInt64(address), UInt64(endpoint.port))
        case .v6(let high, let low): return (1, high, low, UInt64(endpoint.port))
        }
    }

    private static func endpoint(high: UInt64, low: UInt64, v6: UInt64, port: UInt64) -> Endpoint {
        let address: IPAddress = v6 == 0 ? .v4(UInt32(truncatingIfNeeded: low)) : .v6(high, low)
        return Endpoint(address: address, port: UInt16(truncatingIfNeeded: port))
    }
}
