import TLSPrintEvent
import TLSPrintLabels

/// Everything the sensor can be told, with the defaults of ARCHITECTURE.md §5. A value, passed in.
package struct SensorConfiguration: Hashable, Sendable {
    /// The seed of every event's Community ID (`--community-id-seed`; 0, the specification's default).
    package var communityIDSeed: UInt16 = 0
    /// What the sensor looks for (`--protocols`).
    package var protocols = SensorProtocols.all
    /// The fingerprint families events carry (`--fingerprints`): dedup keys use only these, and without
    /// `ja4ssh` no `ssh_activity` is counted or emitted. (The encoders leave the other families' fields out.)
    package var fingerprints = FingerprintFamilies.all
    /// Flows tracked at once; the least recently used is evicted beyond it.
    package var maxFlows = 65_536
    /// A flow idle for this long (packet time) is forgotten.
    package var flowTimeoutSeconds: Int64 = 60
    /// An SSH stream idle for this long (packet time) is forgotten, its last JA4SSH window emitted: interactive
    /// sessions idle far longer than a handshake (Suricata's established TCP timeout is an hour too).
    package var sshSessionTimeoutSeconds: Int64 = 3_600
    /// Client-direction stream bytes examined per flow.
    package var clientStreamBytes = 16 * 1_024
    /// Server-direction stream bytes examined per flow (certificate chains are long).
    package var serverStreamBytes = 64 * 1_024
    /// Out-of-order segments held per direction while a gap waits to fill.
    package var pendingSegmentsPerDirection = 16
    /// Identical events from one source within this many seconds are suppressed; 0 disables.
    package var dedupTTLSeconds: Int64 = 300
    /// Dedup entries remembered at once.
    package var dedupEntries = 100_000
    /// IPv4/IPv6 datagrams waiting for fragments at once.
    package var pendingFragmentedDatagrams = 1_024

    /// QUIC connections (and DTLS associations) whose handshakes are tracked at once.
    package var maxQUICConnections = 4_096
    /// CRYPTO-stream bytes reassembled per QUIC connection and direction.
    package var quicCryptoBytes = 16 * 1_024

    /// All reassembly buffers together (TCP stream prefixes, partial TLS messages, QUIC CRYPTO streams) stay
    /// under this many bytes: beyond it the least recently active flows are released (counted).
    package var memoryBudgetBytes = 64 * 1_024 * 1_024

    /// Keys the flow tables' index hash. The CLI passes a random value (an attacker who knows the seed can send
    /// keys that collide: probes are bounded, so that costs speed, never correctness); tests keep the default.
    package var flowTableSeed: UInt64 = 0x243F_6A88_85A3_08D3

    /// Certificates remembered by their DER bytes, so a server's chain is parsed once.
    package var certificateCacheEntries = 1_024

    /// The label lists events are compared with after dedup (`--labels`; default the embedded Salesforce set).
    package var labels = LabelIndex.embedded

    package init() {}
}
