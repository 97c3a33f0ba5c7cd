import TLSPrintEvent

/// Who an event says it comes from: the syslog HOSTNAME, APP-NAME and SD-ID, and the JSON `node` and `app`.
///
/// Values are sanitized once, here, to what RFC 5424 §6 allows in header fields: printable US-ASCII
/// (33–126); anything else becomes `_`; an empty value becomes `-` (the NILVALUE). The SD-ID also loses
/// `=`, space, `]` and `"` (SD-NAME, §6.3.2). Both encodings use the same sanitized values.
package struct EncoderIdentity: Hashable, Sendable {
    /// RFC 5424 length limits (§6).
    package static let hostNameLimit = 255
    /// APP-NAME is at most 48 characters.
    package static let appNameLimit = 48
    /// SD-ID and PARAM-NAME are at most 32 characters.
    package static let sdNameLimit = 32

    /// The node name (`--node-name`), sanitized.
    package let nodeName: String
    /// The application name (`--app-name`, default `sniffer`), sanitized.
    package let appName: String
    /// The SD-ID (`--sd-id`, default `relay@55555`), sanitized.
    package let sdID: String
    /// The fingerprint families events carry (`--fingerprints`); fields of the others are left out.
    package let fingerprints: FingerprintFamilies

    /// Sanitizes and keeps the given names.
    package init(
        nodeName: String,
        appName: String = "sniffer",
        sdID: String = "relay@55555",
        fingerprints: FingerprintFamilies = .all
    ) {
        self.nodeName = Self.sanitizedHeaderField(nodeName, limit: Self.hostNameLimit)
        self.appName = Self.sanitizedHeaderField(appName, limit: Self.appNameLimit)
        self.sdID = Self.sanitizedSDName(sdID)
        self.fingerprints = fingerprints
    }

    /// Printable US-ASCII, at most `limit` bytes; other bytes become `_`; empty becomes `-`.
    package static func sanitizedHeaderField(_ value: String, limit: Int) -> String {
        var out: [UInt8] = []
        for byte in value.utf8.prefix(limit) { out.append((33...126).contains(byte) ? byte : UInt8(ascii: "_")) }
        return out.isEmpty ? "-" : String(decoding: out, as: UTF8.self)
    }

    /// An SD-NAME (RFC 5424 §6.3.2): like a header field, and also without `=`, space, `]` or `"`.
    package static func sanitizedSDName(_ value: String) -> String {
        var out: [UInt8] = []
        appendSDName(value, to: &out)
        return out.isEmpty ? "_" : String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as an SD-NAME (PARAM-NAME or SD-ID), at most 32 bytes.
    static func appendSDName(_ value: String, to out: inout [UInt8]) {
        for byte in value.utf8.prefix(sdNameLimit) {
            let allowed =
                (33...126).contains(byte) && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "]")
                && byte != UInt8(ascii: "\"")
            out.append(allowed ? byte : UInt8(ascii: "_"))
        }
    }
}
