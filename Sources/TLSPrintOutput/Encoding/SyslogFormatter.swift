import TLSPrintCore
import TLSPrintEvent

/// RFC 5424 messages: `<PRI>1 TIMESTAMP HOSTNAME APP-NAME - MSGID [SD-ID name="value" ...] [MSG]`.
///
/// - Facility local0 (16): PRI is 134 for info, 132 for warning.
/// - One SD element; every field is a string PARAM-VALUE in the event's order (§6.3.3 escaping). Lists are
///   comma-joined, booleans `true`/`false`, thousandths `12.345`; `.objects` fields are left out. With no
///   parameters the STRUCTURED-DATA is the NILVALUE `-`.
/// - MSG (only `startup` has one) is written as US-ASCII, so it is MSG-ANY and carries no BOM (§6.4: the
///   BOM marks a UTF-8 MSG). Non-ASCII and control bytes in it become `\xHH`. Collectors then never see a
///   BOM at the start of MSG.
package struct SyslogFormatter: EventEncoder, Hashable {
    /// RFC 5424 §6.2.1 facility local0.
    package static let facility = 16

    /// HOSTNAME, APP-NAME and SD-ID.
    package var identity: EncoderIdentity

    /// A formatter writing as `identity`.
    package init(identity: EncoderIdentity) {
        self.identity = identity
    }

    /// Appends one RFC 5424 message, without framing.
    package func appendRecord(_ event: Event, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        DecimalWriter.append(Self.facility * 8 + event.type.severity.rawValue, to: &out)
        out.append(contentsOf: [UInt8(ascii: ">"), UInt8(ascii: "1"), 0x20])
        RFC3339.appendTimestamp(event.timestamp, to: &out)
        out.append(0x20)
        out.append(contentsOf: identity.nodeName.utf8)
        out.append(0x20)
        out.append(contentsOf: identity.appName.utf8)
        out.append(contentsOf: [0x20, UInt8(ascii: "-"), 0x20])
        out.append(contentsOf: event.type.rawValue.utf8)  // MSGID: our own names, printable ASCII, at most 32
        out.append(0x20)
        appendStructuredData(event, to: &out)
        if let message = event.message {
            out.append(0x20)
            TextEscaper.append(message, style: .syslogMessage, to: &out)
        }
    }

    private func appendStructuredData(_ event: Event, to out: inout [UInt8]) {
        let start = out.count
        out.append(UInt8(ascii: "["))
        out.append(contentsOf: identity.sdID.utf8)
        var parameters = SyslogParameterWriter()
        swap(&parameters.out, &out)
        event.writeFields(to: &parameters, enabled: identity.fingerprints)
        swap(&parameters.out, &out)
        if parameters.wroteParameter {
            out.append(UInt8(ascii: "]"))
        } else {
            out.removeSubrange(start...)
            out.append(UInt8(ascii: "-"))
        }
    }
}

/// Writes fields as SD-PARAMs: ` name="value"` with §6.3.3 escaping. Lists are comma-joined, booleans
/// `true`/`false`, thousandths `12.345`; object lists are left out.
struct SyslogParameterWriter: EventFieldWriter {
    var out: [UInt8] = []
    private(set) var wroteParameter = false

    private mutating func name(_ name: String) {
        out.append(0x20)
        EncoderIdentity.appendSDName(name, to: &out)
        out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        wroteParameter = true
    }

    private mutating func close() {
        out.append(UInt8(ascii: "\""))
    }

    mutating func string(_ name: String, _ value: String) {
        self.name(name)
        TextEscaper.append(value, style: .syslogParamValue, to: &out)
        close()
    }

    mutating func text(_ name: String, _ value: [UInt8]) {
        self.name(name)
        TextEscaper.append(value, style: .syslogParamValue, to: &out)
        close()
    }

    mutating func integer(_ name: String, _ value: Int) {
        self.name(name)
        DecimalWriter.append(value, to: &out)
        close()
    }

    mutating func thousandths(_ name: String, _ value: Int) {
        self.name(name)
        DecimalWriter.appendThousandths(value, to: &out)
        close()
    }

    mutating func bool(_ name: String, _ value: Bool) {
        self.name(name)
        out.append(contentsOf: (value ? "true" : "false").utf8)
        close()
    }

    mutating func strings(_ name: String, _ values: [String]) {
        self.name(name)
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            TextEscaper.append(value, style: .syslogParamValue, to: &out)
        }
        close()
    }

    /// Labels may hold commas: joined with `; `.
    mutating func labels(_ name: String, _ values: [String]) {
        self.name(name)
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(contentsOf: "; ".utf8) }
            TextEscaper.append(value, style: .syslogParamValue, to: &out)
        }
        close()
    }

    mutating func texts(_ name: String, _ values: [[UInt8]]) {
        self.name(name)
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            TextEscaper.append(value, style: .syslogParamValue, to: &out)
        }
        close()
    }

    mutating func objects<Element>(
        _ name: String,
        _ elements: [Element],
        _ write: (Element, inout SyslogParameterWriter) -> Void
    ) {}
}
