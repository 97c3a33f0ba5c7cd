import TLSPrintCore
import TLSPrintHTTP

/// JA4H of an HTTP/1.x request head: FoxIO JA4H (FoxIO License 1.1; ja4 commit 0e54bc8) as
/// shared/spec/fingerprints.md §6 writes it, with tlsprint's choices stated there.
///
/// `{method:2}{version:2}{c|n}{r|n}{headers:02}{language:4}_{hash12(header names)}_{hash12(cookie
/// names)}_{hash12(cookie pairs)}`:
/// - method: the first two bytes of any method token, lower-cased (`ge`, `po`, `ms` for `M-SEARCH`); a
///   one-byte method is padded with `0`;
/// - version `10` or `11`; `c` / `r` when a field named exactly `Cookie` / `Referer` (ASCII case ignored) is
///   present; the header count and the name list leave those two out, keep duplicates, wire order and the
///   case sent, and the count stops at 99;
/// - language: the first entry of the first Accept-Language field (up to `,` or `;`, whitespace trimmed),
///   `-` removed, lower-cased, cut or padded with `0` to four; a byte outside printable ASCII is written `0`;
/// - cookies: every Cookie field's value split on `; ` (RFC 6265 §4.2.1), each item's name is what precedes
///   its first `=`; the sorted lists are ordered by name, then value, as bytes.
/// Hashes are taken over the bytes as sent. The raw forms are strings: bytes of a cookie that are not UTF-8
/// appear there as U+FFFD.
package struct JA4H: Hashable, Sendable {
    /// Section a, e.g. `ge11cr07enus`.
    package var sectionA: String
    /// Header names without Cookie and Referer, wire order and case, comma-joined.
    package var headerNames: [UInt8]
    /// Cookie names sorted by name, then value, comma-joined.
    package var sortedCookieNames: [UInt8]
    /// Cookie items (`name=value`) sorted by name, then value, comma-joined.
    package var sortedCookiePairs: [UInt8]
    /// Cookie names in wire order, comma-joined.
    package var cookieNames: [UInt8]
    /// Cookie items in wire order, comma-joined.
    package var cookiePairs: [UInt8]

    /// The JA4H parts of `head`.
    package init(_ head: HTTPRequestHead) {
        let listed = head.fields.filter { !$0.hasName("cookie") && !$0.hasName("referer") }
        let hasCookie = head.fields.contains { $0.hasName("cookie") }
        let hasReferer = head.fields.contains { $0.hasName("referer") }
        var a = Self.methodCode(head.method)
        a += head.version == .http10 ? "10" : "11"
        a += hasCookie ? "c" : "n"
        a += hasReferer ? "r" : "n"
        a += JA4Fields.twoDigitCount(listed.count)
        a += Self.languageCode(head.firstValue(named: "accept-language"))
        sectionA = a
        headerNames = Self.commaJoined(listed.map(\.name))

        let cookies = head.values(named: "cookie").flatMap(Self.cookieItems)
        let sorted = cookies.sorted { left, right in
            left.name == right.name
                ? left.value.lexicographicallyPrecedes(right.value) : left.name.lexicographicallyPrecedes(right.name)
        }
        cookieNames = Self.commaJoined(cookies.map { Array($0.name) })
        cookiePairs = Self.commaJoined(cookies.map { Array($0.item) })
        sortedCookieNames = Self.commaJoined(sorted.map { Array($0.name) })
        sortedCookiePairs = Self.commaJoined(sorted.map { Array($0.item) })
    }

    /// `ja4h`.
    package var hashed: String {
        JA4Fields.underscored(
            sectionA,
            FingerprintHash.hash12(bytes: headerNames),
            FingerprintHash.hash12(bytes: sortedCookieNames),
            FingerprintHash.hash12(bytes: sortedCookiePairs)
        )
    }

    /// `ja4h_r`: the lists before hashing, cookies sorted.
    package var raw: String { Self.rawForm(sectionA, headerNames, sortedCookieNames, sortedCookiePairs) }

    /// `ja4h_ro`: the lists before hashing, cookies in wire order.
    package var rawOriginalOrder: String { Self.rawForm(sectionA, headerNames, cookieNames, cookiePairs) }

    private static func rawForm(_ a: String, _ names: [UInt8], _ cookieNames: [UInt8], _ pairs: [UInt8]) -> String {
        var out = Array(a.utf8)
        out.reserveCapacity(out.count + names.count + cookieNames.count + pairs.count + 3)
        for part in [names, cookieNames, pairs] {
            out.append(UInt8(ascii: "_"))
            out.append(contentsOf: part)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first two bytes of the method, lower-cased; `0` pads a one-byte method.
    package static func methodCode(_ method: [UInt8]) -> String {
        var code = method.prefix(2).map(lowercasedPrintable)
        while code.count < 2 { code.append(UInt8(ascii: "0")) }
        return String(decoding: code, as: UTF8.self)
    }

    /// Four characters from the first Accept-Language entry, `0000` without one.
    package static func languageCode(_ value: [UInt8]?) -> String {
        let entry = (value ?? []).prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") }
        let trimmed = entry.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        var code = trimmed.filter { $0 != UInt8(ascii: "-") }.prefix(4).map(lowercasedPrintable)
        while code.count < 4 { code.append(UInt8(ascii: "0")) }
        return String(decoding: code, as: UTF8.self)
    }

    /// Lower-cases ASCII letters; a byte outside printable ASCII becomes `0`, so section a stays ASCII.
    static func lowercasedPrintable(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        case 0x21...0x7E: byte
        default: UInt8(ascii: "0")
        }
    }

    /// One cookie item of a Cookie value.
    struct Cookie: Hashable, Sendable {
        /// The item as sent, `name=value`.
        var item: ArraySlice<UInt8>
        /// What precedes the first `=` (the whole item without one).
        var name: ArraySlice<UInt8>
        /// What follows the first `=` (empty without one).
        var value: ArraySlice<UInt8>
    }

    /// The items of one Cookie value split on `; `; none for an empty value.
    static func cookieItems(_ value: [UInt8]) -> [Cookie] {
        guard !value.isEmpty else { return [] }
        return value.split(separator: [UInt8(ascii: ";"), 0x20], omittingEmptySubsequences: false).map { item in
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else {
                return Cookie(item: item, name: item, value: [])
            }
            return Cookie(item: item, name: item[..<equals], value: item[(equals + 1)...])
        }
    }

    private static func commaJoined(_ parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(parts.count) { $0 + $1.count })
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: part)
        }
        return out
    }
}
