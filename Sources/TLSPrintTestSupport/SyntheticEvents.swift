import TLSPrintEvent

extension ClientFingerprints {
    /// Client fingerprints for a made-up event: the given fields, every other one empty.
    package static func synthetic(
        ja3: String = "",
        ja4: String = "",
        ja4t: String? = nil,
        serverName: [UInt8] = []
    ) -> ClientFingerprints {
        ClientFingerprints(
            serverName: serverName,
            alpn: [],
            ja3: ja3,
            ja3Full: "",
            ja4: ja4,
            ja4Raw: "",
            ja4Original: "",
            ja4RawOriginal: "",
            rawCiphers: "",
            rawExtensions: "",
            ja4t: ja4t,
            resumption: []
        )
    }
}
