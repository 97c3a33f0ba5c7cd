import TLSPrintCapture
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor

/// Runs capture files through one sensor and collects its events, as `tlsprint read` would.
package enum CaptureRunner {
    /// The events of `paths` read in order through a sensor with `configuration`, and its counters.
    package static func run(
        _ paths: [String],
        configuration: SensorConfiguration = .withoutDeduplication
    ) throws -> (events: [Event], counters: SensorCounters) {
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        for path in paths {
            let source = try PcapFileSource(path: path)
            try source.forEachPacket { info, frame in
                sensor.process(info, frame: frame, into: &events)
            }
        }
        sensor.finish(into: &events)
        return (events, sensor.snapshotCounters())
    }
}

extension SensorConfiguration {
    /// Defaults with deduplication off, so every handshake yields its events.
    package static var withoutDeduplication: SensorConfiguration {
        var configuration = SensorConfiguration()
        configuration.dedupTTLSeconds = 0
        return configuration
    }
}

extension Event {
    /// The value of a string-like field as text (wire text decoded leniently).
    package func text(_ name: String) -> String? { fields.text(name) }
}

extension [EventField] {
    /// The value of the string-like field `name` as text (wire text decoded leniently).
    package func text(_ name: String) -> String? {
        switch first(where: { $0.name == name })?.value {
        case .string(let value): return value
        case .text(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .list(let items):
            return items.map { item -> String in
                switch item {
                case .string(let value): return value
                case .text(let bytes): return String(decoding: bytes, as: UTF8.self)
                default: return ""
                }
            }.joined(separator: ",")
        default: return nil
        }
    }
}

extension Event {
    /// The unordered endpoint pair of a TLS event, for matching against reference records.
    package var conversationKey: String? {
        guard let sourceIP = text("src_ip"), let sourcePort = text("src_port"), let destinationIP = text("dst_ip"),
            let destinationPort = text("dst_port")
        else { return nil }
        return ConversationKey.make(sourceIP, sourcePort, destinationIP, destinationPort)
    }
}

/// An unordered "ip port" pair key.
package enum ConversationKey {
    package static func make(_ ipA: String, _ portA: String, _ ipB: String, _ portB: String) -> String {
        let sides = ["\(ipA) \(portA)", "\(ipB) \(portB)"].sorted()
        return sides[0] + " <> " + sides[1]
    }
}
