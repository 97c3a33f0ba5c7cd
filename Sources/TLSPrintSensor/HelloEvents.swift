import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// Builds the `tls_client_hello` and `tls_session` events from hello bodies; shared by TCP, QUIC and DTLS.
extension Sensor {
    /// Parses a ClientHello body and builds its event and the record the session event reuses.
    ///
    /// `extra` carries transport facts (JA4T, JA4L); nil when the body does not parse (counted).
    mutating func clientHelloEvent(
        _ body: [UInt8],
        endpoints: [EventField],
        transport: TransportMarker,
        extra: [EventField],
        timestamp: CaptureTimestamp
    ) -> (event: Event, record: ClientRecord, hello: ClientHello)? {
        let hello: ClientHello
        do {
            hello = try ClientHello(parsingAll: body)
        } catch {
            counters.count(error, in: .clientHello)
            return nil
        }
        if hello.damage != nil { counters.malformedHellos += 1 }
        counters.clientHellos += 1
        let clientFields = ClientHelloFields.make(hello, transport: transport) + extra.filter { $0.name == "ja4t" }
        var fields = endpoints
        fields.append(EventField("tls_version", .string(ClientHelloFields.version(hello, transport: transport))))
        fields += clientFields
        fields += extra.filter { $0.name != "ja4t" }
        fields.append(EventField("ech", .bool(hello.extensions.hasEncryptedClientHello)))
        let event = Event(type: .tlsClientHello, timestamp: timestamp, fields: EventLayout.arrange(fields))
        return (event, ClientHelloFields.record(hello, fields: clientFields), hello)
    }

    /// Parses a ServerHello body and builds the `tls_session` event (with the client's fields when known).
    mutating func sessionEvent(
        _ body: [UInt8],
        endpoints: [EventField],
        client: ClientRecord?,
        transport: TransportMarker,
        extra: [EventField],
        timestamp: CaptureTimestamp
    ) -> (event: Event, hello: ServerHello)? {
        let hello: ServerHello
        do {
            hello = try ServerHello(parsingAll: body)
        } catch {
            counters.count(error, in: .serverHello)
            return nil
        }
        if hello.damage != nil { counters.malformedHellos += 1 }
        counters.serverHellos += 1
        counters.handshakes += 1
        var fields = endpoints
        fields.append(EventField("tls_version", .string(hello.selectedVersion.displayName)))
        fields += client?.fields ?? [EventField("sni", .text([]))]
        fields += ServerHelloFields.make(hello, transport: transport)
        fields += extra
        if let client, let accepted = Resumption.accepted(client: client.hello, server: hello) {
            fields.append(EventField("resumption_accepted", .bool(accepted)))
        }
        fields.append(EventField("hrr", .bool(hello.isHelloRetryRequest)))
        return (Event(type: .tlsSession, timestamp: timestamp, fields: EventLayout.arrange(fields)), hello)
    }

    /// Parses a TLS 1.2-style Certificate message and builds the `tls_certificate` event.
    mutating func certificateEvent(
        _ body: [UInt8],
        endpoints: [EventField],
        serverName: EventValue,
        timestamp: CaptureTimestamp
    ) -> Event? {
        let message: CertificateMessage
        do {
            message = try CertificateMessage(parsingAll: body)
        } catch {
            counters.count(error, in: .certificate)
            return nil
        }
        let built = CertificateFields.make(message, cache: &certificateCache, counters: &counters)
        guard !built.isEmpty else { return nil }
        counters.certificates += 1
        let fields = endpoints + [EventField("sni", serverName)] + built
        return Event(type: .tlsCertificate, timestamp: timestamp, fields: EventLayout.arrange(fields))
    }

    /// `src_*` is the client and `dst_*` the server, whichever way the packet travelled.
    static func endpointFields(client: Endpoint, server: Endpoint, transport: String) -> [EventField] {
        [
            EventField("src_ip", .string(client.address.description)),
            EventField("src_port", .integer(Int(client.port))),
            EventField("dst_ip", .string(server.address.description)),
            EventField("dst_port", .integer(Int(server.port))),
            EventField("transport", .string(transport)),
        ]
    }

    /// `ja4l_c` (with its legacy companions `ja4l_rtt_ms` and `ja4l_client_ttl`) and `ja4l_s`, when known.
    static func latencyFields(
        client: (microseconds: Int64, ttl: UInt8)?,
        server: (microseconds: Int64, ttl: UInt8)?
    ) -> [EventField] {
        var fields: [EventField] = []
        if let client {
            fields += [
                EventField("ja4l_c", .string(JA4L(microseconds: client.microseconds, ttl: client.ttl).rendered)),
                EventField("ja4l_rtt_ms", .thousandths(Int(client.microseconds) * 2)),
                EventField("ja4l_client_ttl", .integer(Int(client.ttl))),
            ]
        }
        if let server {
            fields.append(
                EventField("ja4l_s", .string(JA4L(microseconds: server.microseconds, ttl: server.ttl).rendered))
            )
        }
        return fields
    }
}
