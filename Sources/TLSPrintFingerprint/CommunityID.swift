import Crypto
import TLSPrintCore

// Community ID flow hashing, version 1 (Corelight's specification; Zeek, Suricata and Arkime print the same):
//   "1:" + base64(SHA-1(seed . saddr . daddr . proto . 0 . sport . dport))
// seed: 2 bytes; addresses: 4 or 16 bytes; ports: 2 bytes; all in network byte order. The endpoints are put in
// order first so both directions of a flow hash alike: the numerically smaller address (then port) first.

/// The Community ID of a TCP, UDP or SCTP flow.
package struct CommunityID: Hashable, Sendable {
    /// `1:` and the base64 digest.
    package var rendered: String

    /// The ID of the flow between two endpoints (either order gives the same ID). Addresses are 4 or 16 bytes
    /// in network order, both of one family.
    package init(
        addressA: [UInt8],
        portA: UInt16,
        addressB: [UInt8],
        portB: UInt16,
        ipProtocol: UInt8,
        seed: UInt16 = 0
    ) {
        let aFirst = addressA.lexicographicallyPrecedes(addressB) || (addressA == addressB && portA <= portB)
        let (first, firstPort, second, secondPort) =
            aFirst ? (addressA, portA, addressB, portB) : (addressB, portB, addressA, portA)
        var input: [UInt8] = []
        input.reserveCapacity(2 + first.count + second.count + 6)
        input += [UInt8(seed >> 8), UInt8(truncatingIfNeeded: seed)]
        input += first
        input += second
        input += [ipProtocol, 0]
        input += [UInt8(firstPort >> 8), UInt8(truncatingIfNeeded: firstPort)]
        input += [UInt8(secondPort >> 8), UInt8(truncatingIfNeeded: secondPort)]
        rendered = "1:" + Base64.encode(Array(Insecure.SHA1.hash(data: input)))
    }
}
