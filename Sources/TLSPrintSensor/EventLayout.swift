/// The field order of shared/spec/events.md: every event's fields are arranged by this one table.
enum EventLayout {
    static let order: [String] = [
        "src_ip", "src_port", "dst_ip", "dst_port", "transport", "tls_version", "sni", "alpn", "alpn_selected",
        "ja3", "ja3_full", "ja4", "ja4_r", "ja4_o", "ja4_ro", "ja3s", "ja3s_full", "ja4s", "ja4s_r",
        "raw_ciphers", "raw_extensions", "ja4t", "ja4ts", "ja4l_c", "ja4l_s", "ja4l_rtt_ms", "ja4l_client_ttl",
        "resumption", "resumption_accepted", "ech", "hrr", "ja4x", "ja4x_chain", "subject_cn", "subject", "issuer",
        "sans", "not_before", "not_after", "self_signed", "serial", "cert_sha256", "chain_length", "chain",
    ]

    private static let rank: [String: Int] = Dictionary(
        uniqueKeysWithValues: order.enumerated().map { ($1, $0) }
    )

    /// `fields` in contract order; names not in the table keep their relative order at the end.
    static func arrange(_ fields: [EventField]) -> [EventField] {
        // Each name is looked up once; the sort then compares integers (rank, then original position).
        let keys = fields.indices.map { (rank: rank[fields[$0].name] ?? order.count, position: $0) }
        return keys.sorted { $0 < $1 }.map { fields[$0.position] }
    }
}
