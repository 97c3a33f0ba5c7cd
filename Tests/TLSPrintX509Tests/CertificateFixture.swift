import Foundation
import Testing

/// One DER certificate from Tests/Fixtures/certs with openssl's view of it (`NAME.openssl.txt`).
struct CertificateFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let der: [UInt8]
    let openssl: [String: String]
    let sans: [String]

    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/certs").standardized

    static let all: [CertificateFixture] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".der") }.sorted().compactMap { load(String($0.dropLast(4))) }
    }()

    static func named(_ name: String) -> CertificateFixture? { all.first { $0.name == name } }

    static func load(_ name: String) -> CertificateFixture? {
        guard let der = try? Data(contentsOf: directory.appendingPathComponent(name + ".der")),
            let text = try? String(contentsOf: directory.appendingPathComponent(name + ".openssl.txt"), encoding: .utf8)
        else { return nil }
        var fields: [String: String] = [:]
        var sans: [String] = []
        var lines = text.split(separator: "\n").makeIterator()
        while let line = lines.next() {
            if line.hasPrefix("X509v3 Subject Alternative Name"), let next = lines.next() {
                sans = next.trimmingCharacters(in: .whitespaces).components(separatedBy: ", ").map {
                    $0.replacingOccurrences(of: "DNS:", with: "").replacingOccurrences(of: "IP Address:", with: "")
                }
            } else if !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") {
                fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
        }
        return CertificateFixture(name: name, der: Array(der), openssl: fields, sans: sans)
    }

    /// openssl's default name text (`C = US, O = "A, B"`) in tlsprint's form (`C=US, O=A, B`).
    static func normalizedName(_ text: String) -> String {
        text.replacingOccurrences(of: " = ", with: "=").replacingOccurrences(of: "\"", with: "")
    }

    /// `2017-05-25 00:00:00Z` as seconds since the epoch, through Foundation (independent of tlsprint).
    static func epochSeconds(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text.replacingOccurrences(of: " ", with: "T")) else { return nil }
        return Int64(date.timeIntervalSince1970)
    }
}
