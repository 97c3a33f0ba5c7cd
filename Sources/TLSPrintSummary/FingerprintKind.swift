/// The fingerprint families a summary counts, each from one event type, in the order they are shown.
package enum FingerprintKind: String, CaseIterable, Hashable, Sendable {
    case ja4
    case ja3
    case ja4s
    case ja3s
    case hassh
    case hasshServer = "hassh_server"
    case ja4h

    /// The heading and column title: `JA4`, `HASSH-server`.
    package var title: String {
        switch self {
        case .ja4: "JA4"
        case .ja3: "JA3"
        case .ja4s: "JA4S"
        case .ja3s: "JA3S"
        case .hassh: "HASSH"
        case .hasshServer: "HASSH-server"
        case .ja4h: "JA4H"
        }
    }

    /// The event type the family is counted on (one event per client hello, session, SSH handshake, request).
    package var eventType: String {
        switch self {
        case .ja4, .ja3: "tls_client_hello"
        case .ja4s, .ja3s: "tls_session"
        case .hassh, .hasshServer: "ssh_handshake"
        case .ja4h: "http_request"
        }
    }

    /// What the names of a row are: the JSON key and the table column.
    package var namesKey: String {
        switch self {
        case .ja4, .ja3, .ja4s, .ja3s: "top_sni"
        case .hassh: "top_ssh_client"
        case .hasshServer: "top_ssh_server"
        case .ja4h: "top_http_host"
        }
    }

    package var namesTitle: String {
        switch self {
        case .ja4, .ja3, .ja4s, .ja3s: "TOP SNI"
        case .hassh: "TOP CLIENT ID"
        case .hasshServer: "TOP SERVER ID"
        case .ja4h: "TOP HOST"
        }
    }

    /// The position in ``allCases``.
    var index: Int {
        switch self {
        case .ja4: 0
        case .ja3: 1
        case .ja4s: 2
        case .ja3s: 3
        case .hassh: 4
        case .hasshServer: 5
        case .ja4h: 6
        }
    }
}
