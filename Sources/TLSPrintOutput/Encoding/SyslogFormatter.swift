import TLSPrintCore
import TLSPrintSensor

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
        appendStructuredData(event.fields, to: &out)
        if let message = event.message {
            out.append(0x20)
            TextEscaper.append(message, style: .syslogMessage, to: &out)
        }
    }

    private func appendStructuredData(_ fields: [EventField], to out: inout [UInt8]) {
        let start = out.count
        out.append(UInt8(ascii: "["))
        out.append(contentsOf: identity.sdID.utf8)
        var wroteParameter = false
        for field in fields {
            if case .objects = field.value { continue }
            out.append(0x20)
            EncoderIdentity.appendSDName(field.name, to: &out)
            out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            Self.appendParameterValue(field.value, to: &out)
            out.append(UInt8(ascii: "\""))
            wroteParameter = true
        }
        if wroteParameter {
            out.append(UInt8(ascii: "]"))
        } else {
            out.removeSubrange(start...)
            out.append(UInt8(ascii: "-"))
        }
    }

    /// A value as PARAM-VALUE text (already escaped per §6.3.3).
    static func appendParameterValue(_ value: EventValue, to out: inout [UInt8]) {
        switch value {
        case .string(let text): TextEscaper.append(text, style: .syslogParamValue, to: &out)
        case .text(let bytes): TextEscaper.append(bytes, style: .syslogParamValue, to: &out)
        case .integer(let number): DecimalWriter.append(number, to: &out)
        case .thousandths(let number): DecimalWriter.appendThousandths(number, to: &out)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list(let elements):
            var first = true
            for element in elements {
                if case .objects = element { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                appendParameterValue(element, to: &out)
                first = false
            }
        case .objects: break
        }
    }
}
