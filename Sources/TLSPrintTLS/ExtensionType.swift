/// A TLS extension type (IANA TLS ExtensionType Values registry). An open set.
package struct ExtensionType: RawRepresentable, Hashable, Sendable {
    /// The wire value.
    package var rawValue: UInt16
    /// An extension type from its wire value.
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// server_name (RFC 6066).
    package static let serverName = ExtensionType(rawValue: 0x0000)
    /// supported_groups, formerly elliptic_curves (RFC 8422, RFC 7919).
    package static let supportedGroups = ExtensionType(rawValue: 0x000A)
    /// ec_point_formats (RFC 8422).
    package static let ecPointFormats = ExtensionType(rawValue: 0x000B)
    /// signature_algorithms (RFC 8446).
    package static let signatureAlgorithms = ExtensionType(rawValue: 0x000D)
    /// application_layer_protocol_negotiation (RFC 7301).
    package static let applicationLayerProtocolNegotiation = ExtensionType(rawValue: 0x0010)
    /// padding (RFC 7685).
    package static let padding = ExtensionType(rawValue: 0x0015)
    /// session_ticket (RFC 5077).
    package static let sessionTicket = ExtensionType(rawValue: 0x0023)
    /// pre_shared_key (RFC 8446).
    package static let preSharedKey = ExtensionType(rawValue: 0x0029)
    /// early_data (RFC 8446).
    package static let earlyData = ExtensionType(rawValue: 0x002A)
    /// supported_versions (RFC 8446).
    package static let supportedVersions = ExtensionType(rawValue: 0x002B)
    /// signature_algorithms_cert (RFC 8446).
    package static let signatureAlgorithmsCert = ExtensionType(rawValue: 0x0032)
    /// key_share (RFC 8446).
    package static let keyShare = ExtensionType(rawValue: 0x0033)
    /// quic_transport_parameters (RFC 9001).
    package static let quicTransportParameters = ExtensionType(rawValue: 0x0039)
    /// encrypted_client_hello (draft-ietf-tls-esni).
    package static let encryptedClientHello = ExtensionType(rawValue: 0xFE0D)
    /// renegotiation_info (RFC 5746).
    package static let renegotiationInfo = ExtensionType(rawValue: 0xFF01)

    /// True for the RFC 8701 GREASE values.
    package var isGREASE: Bool { GREASE.contains(rawValue) }
}
