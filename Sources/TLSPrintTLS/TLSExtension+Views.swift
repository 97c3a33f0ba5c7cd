import TLSPrintCore

extension [TLSExtension] {
    /// The first extension of `type`, if present.
    package func first(_ type: ExtensionType) -> TLSExtension? {
        first { $0.type == type.rawValue }
    }

    /// True when an extension of `type` is present.
    package func contains(_ type: ExtensionType) -> Bool {
        contains { $0.type == type.rawValue }
    }

    /// The first extension of `type` parsed as `View`, or nil when absent or malformed.
    package func view<View: WireParseable>(_ type: ExtensionType, as view: View.Type) -> View? {
        guard let body = first(type)?.body else { return nil }
        return try? View(parsingAll: body)
    }

    /// The first host_name of server_name (raw bytes), if present and well formed.
    package var serverName: [UInt8]? { view(.serverName, as: ServerNameList.self)?.hostName }
    /// The ALPN protocol names (raw), empty when absent or malformed.
    package var alpnProtocols: [[UInt8]] {
        view(.applicationLayerProtocolNegotiation, as: ALPNProtocolList.self)?.protocols ?? []
    }
    /// The supported_groups values in wire order, GREASE kept.
    package var supportedGroups: [NamedGroup] { view(.supportedGroups, as: SupportedGroupList.self)?.groups ?? [] }
    /// The ec_point_formats values in wire order.
    package var ecPointFormats: [UInt8] { view(.ecPointFormats, as: ECPointFormatList.self)?.formats ?? [] }
    /// The signature_algorithms (0x000d) values in wire order, GREASE kept.
    package var signatureAlgorithms: [SignatureScheme] {
        view(.signatureAlgorithms, as: SignatureSchemeList.self)?.schemes ?? []
    }
    /// The client's supported_versions list in wire order, GREASE kept; empty when absent or malformed.
    package var supportedVersions: [ProtocolVersion] {
        view(.supportedVersions, as: SupportedVersionList.self)?.versions ?? []
    }
    /// The server's selected version from supported_versions, if present and well formed.
    package var selectedVersion: ProtocolVersion? { view(.supportedVersions, as: SelectedVersion.self)?.version }
    /// The session_ticket body, if the extension is present (empty when the client has no ticket).
    package var sessionTicket: [UInt8]? { first(.sessionTicket)?.body }
    /// True when pre_shared_key is present.
    package var hasPreSharedKey: Bool { contains(.preSharedKey) }
    /// True when early_data is present.
    package var hasEarlyData: Bool { contains(.earlyData) }
    /// True when encrypted_client_hello (0xfe0d) is present.
    package var hasEncryptedClientHello: Bool { contains(.encryptedClientHello) }
    /// The quic_transport_parameters (0x0039) body, if present.
    package var quicTransportParameters: [UInt8]? { first(.quicTransportParameters)?.body }
}
