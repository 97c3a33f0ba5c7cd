import ArgumentParser
import Foundation

/// The other value kinds a `TLSPRINT_*` fallback can hold. A flag given on the command line always wins;
/// an empty variable counts as unset.
extension Environment {
    /// The variable's text, nil when unset or empty.
    static func string(_ name: String, in environment: [String: String]) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        return text
    }

    /// A comma-separated list (`TLSPRINT_OUTPUT=-,udp://collector:514`), items trimmed, empty ones skipped.
    static func list(_ name: String, in environment: [String: String]) -> [String] {
        guard let text = string(name, in: environment) else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A yes/no switch: `1`, `true`, `yes`, `on` or `0`, `false`, `no`, `off`.
    static func flag(_ name: String, in environment: [String: String]) throws -> Bool? {
        guard let text = string(name, in: environment) else { return nil }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ValidationError("\(name) must be 1 or 0 (or true/false), not '\(text)'")
        }
    }

    /// A decimal number of seconds.
    static func seconds(_ name: String, in environment: [String: String]) throws -> Double? {
        guard let text = string(name, in: environment) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw ValidationError("\(name) must be a number of seconds, not '\(text)'")
        }
        return value
    }

    /// A value of an `ExpressibleByArgument` type (`TLSPRINT_FORMAT=json`).
    static func value<Value: ExpressibleByArgument & CaseIterable>(
        _ name: String,
        in environment: [String: String]
    ) throws -> Value? {
        guard let text = string(name, in: environment) else { return nil }
        guard let value = Value(argument: text) else {
            let choices = Value.allCases.map { $0.defaultValueDescription }.joined(separator: ", ")
            throw ValidationError("\(name) must be one of \(choices), not '\(text)'")
        }
        return value
    }
}
