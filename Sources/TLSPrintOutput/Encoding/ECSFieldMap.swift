import TLSPrintEvent

/// Where an event field goes in an ECS document (Elastic Common Schema; definitions in shared/ecs).
///
/// Fields are mapped by name, so a field added to an event later reaches the ECS document too: a name the
/// table does not know goes to the custom object, `tlsprint.<name>` (`tlsprint.stats.<name>` on
/// `sensor_stats`). docs/events.md, "ECS documents", lists the table.
enum ECSRoute: Hashable, Sendable {
    /// The value as the JSON encoding writes it, at this dotted path.
    case field(String)
    /// A single value written as a one-element array: ECS normalizes the field to an array.
    case array(String)
    /// Hex digits in upper case, as ECS asks of a certificate's serial number and hash.
    case upperHex(String)
    /// Left out when empty: the other encodings write an absent SNI as `""`; ECS has no use for that.
    case nonEmpty(String)
    /// `TLS 1.2` becomes `tls.version_protocol` `tls` and `tls.version` `1.2`; a version without a name
    /// (`0x7f17`) stays `tlsprint.tls_version`.
    case negotiatedVersion
    /// `network.transport` (`tcp`/`udp`), `network.iana_number` and `network.protocol`.
    case transport
    /// An IP address; the first one also sets `network.type` (`ipv4`/`ipv6`).
    case address(String)
    /// A Host field's value as `url.domain` and `url.port`; `tlsprint.http_host` when it is not `host[:port]`.
    case httpHost
}

/// The ECS field table and categorization of tlsprint's events.
enum ECSFieldMap {
    /// The custom object holding everything ECS does not define.
    static let customObject = "tlsprint"

    /// The route of the field `name` of an event of type `type`.
    static func route(_ name: String, in type: EventType) -> ECSRoute {
        switch (name, type) {
        case ("src_ip", _): .address("source.ip")
        case ("src_port", _): .field("source.port")
        case ("dst_ip", _): .address("destination.ip")
        case ("dst_port", _): .field("destination.port")
        case ("transport", _): .transport
        case ("community_id", _): .field("network.community_id")
        // On tls_client_hello it is the highest version offered, not the connection's: custom.
        case ("tls_version", .tlsSession): .negotiatedVersion
        case ("sni", _): .nonEmpty("tls.client.server_name")
        case ("alpn_selected", _): .field("tls.next_protocol")
        case ("ja3", _): .field("tls.client.ja3")
        case ("ja3s", _): .field("tls.server.ja3s")
        case ("resumption_accepted", _): .field("tls.resumed")
        case ("subject_cn", _): .array("tls.server.x509.subject.common_name")
        case ("subject", _): .field("tls.server.x509.subject.distinguished_name")
        case ("issuer", _): .field("tls.server.x509.issuer.distinguished_name")
        case ("sans", _): .field("tls.server.x509.alternative_names")
        case ("not_before", _): .field("tls.server.x509.not_before")
        case ("not_after", _): .field("tls.server.x509.not_after")
        case ("serial", _): .upperHex("tls.server.x509.serial_number")
        case ("cert_sha256", _): .upperHex("tls.server.hash.sha256")
        case ("http_method", _): .field("http.request.method")
        case ("http_version", _): .field("http.version")
        case ("http_host", _): .httpHost
        case ("http_uri", _): .field("url.original")
        case ("http_user_agent", _): .field("user_agent.original")
        case ("version", .startup): .field("observer.version")
        case ("interface", .startup): .field("observer.ingress.interface.name")
        case (_, .sensorStats): .field(customObject + ".stats." + name)
        default: .field(custom(name))
        }
    }

    /// `tlsprint.<name>`.
    static func custom(_ name: String) -> String { customObject + "." + name }

    /// `event.kind`, `event.category` and `event.type` of an event type, from ECS's allowed values; every
    /// type is one that each category lists in its `expected_event_types`.
    static func categorization(of type: EventType) -> (kind: String, categories: [String], types: [String]) {
        switch type {
        case .tlsClientHello, .tlsSession, .tlsCertificate, .sshHandshake, .sshActivity:
            ("event", ["network"], ["connection", "protocol"])
        case .httpRequest: ("event", ["network", "web"], ["access"])
        case .startup: ("event", ["process"], ["start"])
        case .sensorStats: ("metric", ["network"], ["info"])
        }
    }

    /// `network.transport` and `network.iana_number` of a `transport` value: QUIC, DTLS and OpenVPN over
    /// UDP all travel in UDP. Nil for a value tlsprint does not write.
    static func transportLayer(_ transport: String) -> (name: String, ianaNumber: String)? {
        switch transport {
        case "tcp": ("tcp", "6")
        case "quic", "dtls", "udp": ("udp", "17")
        default: nil
        }
    }

    /// `network.protocol`: the protocol on top of the transport layer, lower case.
    static func applicationProtocol(_ type: EventType, transport: String) -> String? {
        switch type {
        case .sshHandshake, .sshActivity: return "ssh"
        case .httpRequest: return "http"
        case .tlsClientHello, .tlsSession, .tlsCertificate:
            switch transport {
            case "tcp": return "tls"
            case "quic": return "quic"
            case "dtls": return "dtls"
            case "udp": return "openvpn"  // TLS in OpenVPN's control channel over UDP
            default: return nil
            }
        case .startup, .sensorStats: return nil
        }
    }

    /// `tls.version_protocol` and `tls.version` of a `tls_version` value (`TLS 1.3` → `tls`, `1.3`); nil for
    /// a version written as its wire value.
    static func tlsVersion(_ text: String) -> (protocol: String, version: String)? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let version = String(parts[1])
        switch parts[0] {
        case "SSL": return ("ssl", version)
        case "TLS": return ("tls", version)
        case "DTLS": return ("dtls", version)
        default: return nil
        }
    }

    /// `network.type` of an address in tlsprint's text form (dotted decimal or RFC 5952).
    static func networkType(ofAddress text: String) -> String {
        text.utf8.contains(UInt8(ascii: ":")) ? "ipv6" : "ipv4"
    }

    /// A Host field value split into its host and port (RFC 9110 §7.2: `uri-host [ ":" port ]`, the host
    /// possibly a bracketed IPv6 literal, kept with its brackets as ECS's `url.domain` wants). Nil when the
    /// value has another shape: empty host, a control character or space, or a port that is not 0-65535.
    static func splitHost(_ value: [UInt8]) -> (host: [UInt8], port: Int?)? {
        let colon = UInt8(ascii: ":")
        var hostEnd = value.endIndex
        var portText: ArraySlice<UInt8>?
        if value.first == UInt8(ascii: "[") {
            guard let close = value.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            hostEnd = close + 1
            let rest = value[hostEnd...]
            if let first = rest.first {
                guard first == colon else { return nil }
                portText = rest.dropFirst()
            }
        } else if let firstColon = value.firstIndex(of: colon) {
            guard value.lastIndex(of: colon) == firstColon else { return nil }  // a bare IPv6 literal
            hostEnd = firstColon
            portText = value[(firstColon + 1)...]
        }
        let host = value[..<hostEnd]
        guard !host.isEmpty, host.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return nil }
        guard let portText else { return (Array(host), nil) }
        guard (1...5).contains(portText.count), portText.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        let port = portText.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard port <= 65_535 else { return nil }
        return (Array(host), port)
    }
}
