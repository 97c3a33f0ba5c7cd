import TLSPrintFingerprint
import TLSPrintHTTP
import TLSPrintTestSupport
import Testing

/// JA4H of every plain HTTP request of the FoxIO corpus: each capture's client streams go through
/// `HTTPRequestStream`, each head through `JA4H`.
@Suite struct JA4HCorpusTests {
    /// The JA4H values of one client stream.
    static func fingerprints(_ bytes: [UInt8]) -> [JA4H] {
        var stream = HTTPRequestStream()
        return stream.feed(bytes).map(JA4H.init)
    }

    /// The Rust reference's JA4H (expected.json), 73 of 73. Raw forms: `ja4h_r` against FoxIO's Wireshark
    /// plugin, `ja4h_ro` against FoxIO's Python and the plugin. Both write the same lists; they differ only in
    /// punctuation, which tlsprint does not copy: Python ends `JA4H_ro` after the header names when there are
    /// no cookies (three sections, `…_Accept-Language_`), the plugin ends its original-order cookie pairs with a
    /// comma. tlsprint always writes four sections and no trailing comma, as the plugin's `ja4h_r` does.
    @Test func everyPlainRequestAgreesWithTheReference() throws {
        guard let streams = try FoxIOHTTPCorpus.plainStreams() else {
            if SharedCorpus.isCI { Issue.record("shared/ corpus not found: set TLSPRINT_SHARED") }
            print("skipped: shared/ corpus not found (set TLSPRINT_SHARED)")
            return
        }
        var counts = (ja4h: 0, total: 0, raw: 0, plugin: 0, original: 0, python: 0, pythonChecked: 0)
        var wiresharkByCapture: [String: [FoxIOWiresharkJA4H]] = [:]
        for stream in streams {
            let conversation = try #require(stream.conversation, "\(stream.location)")
            let ours = Self.fingerprints(conversation.clientBytes)
            #expect(ours.map(\.hashed) == stream.ja4h, "\(stream.location)")
            counts.total += stream.ja4h.count
            counts.ja4h += zip(ours, stream.ja4h).filter { $0.0.hashed == $0.1 }.count
            if wiresharkByCapture[stream.capture] == nil {
                wiresharkByCapture[stream.capture] = try FoxIOHTTPCorpus.wireshark(stream.capture)
            }
            let wireshark = wiresharkByCapture[stream.capture] ?? []
            for ja4h in ours {
                let hashed = ja4h.hashed
                if let plugin = wireshark.first(where: { $0.ja4h == hashed }) {
                    counts.plugin += 1
                    #expect(ja4h.raw == plugin.raw, "\(stream.location)")
                    let pluginOriginal =
                        plugin.rawOriginalOrder.hasSuffix(",")
                        ? String(plugin.rawOriginalOrder.dropLast()) : plugin.rawOriginalOrder
                    #expect(ja4h.rawOriginalOrder == pluginOriginal, "\(stream.location)")
                    counts.raw += ja4h.raw == plugin.raw ? 1 : 0
                    counts.original += ja4h.rawOriginalOrder == pluginOriginal ? 1 : 0
                }
                if let python = stream.pythonRawOriginal[hashed] {
                    let sections = python.split(separator: "_", omittingEmptySubsequences: false).count
                    let pythonOriginal = ja4h.cookieNames.isEmpty && sections == 3 ? python + "_" : python
                    counts.pythonChecked += 1
                    #expect(ja4h.rawOriginalOrder == pythonOriginal, "\(stream.location)")
                    counts.python += ja4h.rawOriginalOrder == pythonOriginal ? 1 : 0
                }
            }
        }
        let outOfReach = try FoxIOHTTPCorpus.decryptedRequests()
        print(
            """
            FoxIO JA4H: \(counts.ja4h)/\(counts.total) requests agree with the Rust reference; \
            ja4h_r \(counts.raw)/\(counts.plugin) and ja4h_ro \(counts.original)/\(counts.plugin) with the Wireshark \
            plugin; ja4h_ro \(counts.python)/\(counts.pythonChecked) with Python
            out of reach (HTTP/2 inside TLS the reference decrypted with keys embedded in the capture):
              \(outOfReach.map { "\($0.capture) tcp.stream \($0.stream): \($0.requests) requests" }.joined(separator: "\n  "))
            """
        )
        #expect(counts.total == 73)
        #expect(counts.ja4h == counts.total)
        #expect(counts.plugin == counts.total)
        #expect(counts.pythonChecked == counts.total)
        #expect(outOfReach.map(\.requests).reduce(0, +) == 16)
    }
}
