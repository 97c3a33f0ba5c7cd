/// JA4SSH of one window of an SSH stream: FoxIO JA4SSH (FoxIO License 1.1; ja4 commit 0e54bc8),
/// shared/spec/fingerprints.md §7, with tlsprint's packet rules from shared/spec/events.md ("SSH and HTTP
/// events").
///
/// `c{client mode}s{server mode}_c{client SSH packets}s{server SSH packets}_c{client bare ACKs}s{server bare
/// ACKs}`, all decimal without padding. The mode is the most frequent TCP payload length among a side's SSH
/// packets, the smaller length on a tie, 0 when the side sent none.
package struct JA4SSH: Hashable, Sendable {
    /// The mode of the client's TCP payload lengths.
    package var clientMode: Int
    /// The mode of the server's TCP payload lengths.
    package var serverMode: Int
    /// SSH packets (TCP segments with payload) the client sent.
    package var clientPackets: Int
    /// SSH packets the server sent.
    package var serverPackets: Int
    /// Bare ACKs (flags exactly ACK, no payload) the client sent.
    package var clientBareACKs: Int
    /// Bare ACKs the server sent.
    package var serverBareACKs: Int

    /// A JA4SSH from its six numbers.
    package init(
        clientMode: Int,
        serverMode: Int,
        clientPackets: Int,
        serverPackets: Int,
        clientBareACKs: Int,
        serverBareACKs: Int
    ) {
        self.clientMode = clientMode
        self.serverMode = serverMode
        self.clientPackets = clientPackets
        self.serverPackets = serverPackets
        self.clientBareACKs = clientBareACKs
        self.serverBareACKs = serverBareACKs
    }

    /// A JA4SSH from each side's payload lengths (one per SSH packet, any order) and bare-ACK counts.
    package init(clientPayloadLengths: [Int], serverPayloadLengths: [Int], clientBareACKs: Int, serverBareACKs: Int) {
        self.init(
            clientMode: Self.mode(clientPayloadLengths),
            serverMode: Self.mode(serverPayloadLengths),
            clientPackets: clientPayloadLengths.count,
            serverPackets: serverPayloadLengths.count,
            clientBareACKs: clientBareACKs,
            serverBareACKs: serverBareACKs
        )
    }

    /// The most frequent value of `lengths`, the smallest one on a tie, 0 for none.
    package static func mode(_ lengths: [Int]) -> Int {
        var best = 0
        var bestCount = 0
        var run = 0
        var previous: Int?
        for length in lengths.sorted() {
            run = length == previous ? run + 1 : 1
            previous = length
            // Ascending order: only a strictly longer run replaces the best, so a tie keeps the smaller length.
            if run > bestCount {
                best = length
                bestCount = run
            }
        }
        return best
    }

    /// The fingerprint string, e.g. `c36s36_c76s124_c74s5`.
    package var rendered: String {
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for (index, (client, server)) in [
            (clientMode, serverMode), (clientPackets, serverPackets), (clientBareACKs, serverBareACKs),
        ].enumerated() {
            if index > 0 { out.append(UInt8(ascii: "_")) }
            out.append(UInt8(ascii: "c"))
            JA4Fields.appendDecimal(client, to: &out)
            out.append(UInt8(ascii: "s"))
            JA4Fields.appendDecimal(server, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
