import Foundation

/// One TCP stream from Tests/Fixtures/hellos: both directions' first bytes plus corpus expectations.
package struct StreamFixture: Sendable {
    package let name: String
    package let expect: [String: String]
    package let client: [UInt8]
    package let server: [UInt8]

    package static let directory = Fixture.url("hellos")

    package static let all: [StreamFixture] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".hex") }.sorted().compactMap { load(String($0.dropLast(4))) }
    }()

    package static func named(_ name: String) -> StreamFixture? { all.first { $0.name == name } }

    /// The SSH stream fixtures in Tests/Fixtures/ssh (same format, cut after each direction's KEXINIT).
    package static let ssh: [StreamFixture] = {
        let folder = Fixture.url("ssh")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".hex") }.sorted().compactMap { load(String($0.dropLast(4)), in: folder) }
    }()

    package static func load(_ name: String, in folder: URL = directory) -> StreamFixture? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name + ".hex"), encoding: .utf8)
        else { return nil }
        var expect: [String: String] = [:]
        var client: [UInt8] = []
        var server: [UInt8] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# expect "), let colon = line.firstIndex(of: ":") {
                let key = line[line.index(line.startIndex, offsetBy: 9)..<colon]
                expect[String(key)] = String(line[line.index(after: colon)...].dropFirst())
            } else if line.hasPrefix("C ") {
                client += hexBytes(line.dropFirst(2))
            } else if line.hasPrefix("S ") {
                server += hexBytes(line.dropFirst(2))
            }
        }
        return StreamFixture(name: name, expect: expect, client: client, server: server)
    }

    package static func hexBytes(_ text: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var index = text.startIndex
        while let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex), index != text.endIndex {
            if let byte = UInt8(text[index..<next], radix: 16) { out.append(byte) }
            index = next
        }
        return out
    }
}
