import ArgumentParser
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor

/// Options that shape the sensor, with environment fallbacks (`DEDUP_TTL`, `TLSPRINT_*`).
struct SensorOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,  // so `--dedup-ttl -5` reaches validate() instead of "Missing value"
        help: """
            Suppress identical events from one source within this many seconds (0 disables; default: 0 in read, \
            300 in live). Env: DEDUP_TTL.
            """
    )
    var dedupTTL: Int?

    @Option(help: "Flows tracked at once; the least recently used is evicted beyond it. Env: TLSPRINT_MAX_FLOWS.")
    var maxFlows: Int?

    @Option(help: "Seconds of packet time after which an idle flow is forgotten. Env: TLSPRINT_FLOW_TIMEOUT.")
    var flowTimeout: Int?

    @Option(help: "MiB all reassembly buffers may hold together (default 64). Env: TLSPRINT_MEMCAP.")
    var memcap: Int?

    @Option(
        help: ArgumentHelp(
            "What to look for, comma-separated: tls, ssh, http (default all). Env: TLSPRINT_PROTOCOLS.",
            valueName: "list"
        )
    )
    var protocols: String?

    @Option(
        help: ArgumentHelp(
            "Fingerprint families to emit, comma-separated: ja3, ja4, ja4s, ja4l, ja4t, ja4x, hassh, ja4h, ja4ssh "
                + "(default all; ja3,ja4,hassh are the BSD-licensed ones). Env: TLSPRINT_FINGERPRINTS.",
            valueName: "list"
        )
    )
    var fingerprints: String?

    @Option(help: "Seed of every event's Community ID, 0-65535 (default 0). Env: TLSPRINT_COMMUNITY_ID_SEED.")
    var communityIDSeed: Int?

    @Option(
        name: .customLong("labels"),
        help: ArgumentHelp(
            "Label list (CSV: FoxIO's ja4plus-mapping format, Salesforce's HASSH list, or fingerprint,label[,kind]); "
                + "repeatable. Matching events get labels. The built-in Salesforce JA3/HASSH set is on unless "
                + "'none' is given. Env: TLSPRINT_LABELS (comma-separated).",
            valueName: "file"
        )
    )
    var labels: [String] = []

    func validate() throws {
        if let memcap, memcap < 1 { throw ValidationError("--memcap must be at least 1 (MiB)") }
        if let dedupTTL, dedupTTL < 0 { throw ValidationError("--dedup-ttl must be 0 or more, not \(dedupTTL)") }
        if let maxFlows, maxFlows < 1 { throw ValidationError("--max-flows must be at least 1") }
        if let flowTimeout, flowTimeout < 1 { throw ValidationError("--flow-timeout must be at least 1") }
        if let protocols { _ = try Self.protocols(protocols, from: "--protocols") }
        if let fingerprints { _ = try Self.families(fingerprints, from: "--fingerprints") }
        if let communityIDSeed, !(0...65_535).contains(communityIDSeed) {
            throw ValidationError("--community-id-seed must be 0…65535, not \(communityIDSeed)")
        }
    }

    /// A `--fingerprints` list: known family names (may be empty: events without fingerprints).
    static func families(_ text: String, from source: String) throws -> FingerprintFamilies {
        if text.filter({ $0 != " " }).isEmpty { return [] }
        switch FingerprintFamilies.parse(text) {
        case .success(let families): return families
        case .failure(let unknown):
            throw ValidationError(
                "\(source): unknown fingerprint family '\(unknown.name)' (\(FingerprintFamilies.nameList))"
            )
        }
    }

    /// A `--protocols` list: known names, at least one.
    static func protocols(_ text: String, from source: String) throws -> SensorProtocols {
        switch SensorProtocols.parse(text) {
        case .success(let protocols) where !protocols.isEmpty: return protocols
        case .success: throw ValidationError("\(source) names no protocol (\(SensorProtocols.nameList))")
        case .failure(let unknown):
            throw ValidationError("\(source): unknown protocol '\(unknown.name)' (\(SensorProtocols.nameList))")
        }
    }

    /// The configuration from flags, then environment, then defaults; `defaultDedupTTL` is the command's own
    /// (read: 0, an analyst sees every event; live: 300, what the honeypot collector expects).
    func configuration(environment: [String: String], defaultDedupTTL: Int64) throws -> SensorConfiguration {
        var configuration = SensorConfiguration()
        configuration.dedupTTLSeconds = defaultDedupTTL
        configuration.flowTableSeed = UInt64.random(in: .min ... .max)  // hash flooding: see SensorConfiguration
        if let ttl = try dedupTTL ?? Environment.integer("DEDUP_TTL", in: environment) {
            guard ttl >= 0 else { throw ValidationError("DEDUP_TTL must be 0 or more") }
            configuration.dedupTTLSeconds = Int64(ttl)
        }
        if let flows = try maxFlows ?? Environment.integer("TLSPRINT_MAX_FLOWS", in: environment) {
            guard flows >= 1 else { throw ValidationError("TLSPRINT_MAX_FLOWS must be at least 1") }
            configuration.maxFlows = flows
        }
        if let timeout = try flowTimeout ?? Environment.integer("TLSPRINT_FLOW_TIMEOUT", in: environment) {
            guard timeout >= 1 else { throw ValidationError("TLSPRINT_FLOW_TIMEOUT must be at least 1") }
            configuration.flowTimeoutSeconds = Int64(timeout)
        }
        if let mebibytes = try memcap ?? Environment.integer("TLSPRINT_MEMCAP", in: environment) {
            guard mebibytes >= 1 else { throw ValidationError("TLSPRINT_MEMCAP must be at least 1 (MiB)") }
            configuration.memoryBudgetBytes = mebibytes << 20
        }
        if let list = protocols ?? environment["TLSPRINT_PROTOCOLS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            configuration.protocols = try Self.protocols(
                list,
                from: protocols == nil ? "TLSPRINT_PROTOCOLS" : "--protocols"
            )
        }
        let families =
            fingerprints.map { ($0, "--fingerprints") }
            ?? Environment.string("TLSPRINT_FINGERPRINTS", in: environment).map { ($0, "TLSPRINT_FINGERPRINTS") }
        if let (list, source) = families { configuration.fingerprints = try Self.families(list, from: source) }
        if let seed = try communityIDSeed ?? Environment.integer("TLSPRINT_COMMUNITY_ID_SEED", in: environment) {
            guard (0...65_535).contains(seed) else {
                throw ValidationError("TLSPRINT_COMMUNITY_ID_SEED must be 0…65535")
            }
            configuration.communityIDSeed = UInt16(seed)
        }
        configuration.labels = try LabelLoading.index(flags: labels, environment: environment)
        return configuration
    }
}

/// Reading typed values from the environment.
enum Environment {
    static func integer(_ name: String, in environment: [String: String]) throws -> Int? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name) must be a whole number, not '\(text)'") }
        return value
    }
}
