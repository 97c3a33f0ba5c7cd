/// Static protocol-sanity caps used inside parsers; reaching one throws `.limitExceeded`.
///
/// Resource capacities (flows, buffers, queues) are not here: they are values in the sensor's configuration.
public enum Limits {
    /// TLS records scanned per direction before the scanner gives up.
    public static let tlsRecordsPerDirection = 64
    /// Extensions in one hello (JA4 shows at most 99).
    public static let extensionsPerHello = 256
    /// Protocol names kept from one ALPN extension (the rest are checked and counted, not kept).
    public static let alpnProtocols = 128
    /// Certificates in one Certificate message.
    public static let certificatesPerChain = 16
    /// DER nesting depth.
    public static let derNestingDepth = 16
    /// VLAN tags, MPLS labels and tunnels stacked in one frame.
    public static let encapsulationDepth = 8
    /// Largest capture record accepted from a file.
    public static let captureRecordSize = 262_144
    /// Largest handshake message tlsprint reassembles (a ClientHello is rarely over 4 KiB).
    public static let handshakeMessageSize = 65_536
    /// Cipher suites in one ClientHello (the field has room for 32,767).
    public static let cipherSuites = 32_768
    /// IPv6 extension headers walked before the transport header.
    public static let ipv6ExtensionHeaders = 8
    /// Bytes of one HTTP/1.x header block: request line, field lines and the empty line (nginx and Apache
    /// stop near 8 KiB per line; 64 KiB leaves room for large cookies).
    public static let httpHeaderBlockSize = 65_536
    /// Bytes of one HTTP/1.x request line, field line or chunk-size line, without its line terminator.
    public static let httpLineLength = 16_384
    /// Field lines in one HTTP/1.x header block or trailer section (Apache's default is 100; JA4H shows at
    /// most 99).
    public static let httpFieldLines = 256
}
