import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintHTTP
import Testing

/// JA4H on hand-made heads. Expected values come from an independent Python rendering of
/// shared/spec/fingerprints.md §6 (hashlib over the same bytes).
@Suite struct JA4HTests {
    static func head(_ method: String, _ version: HTTPVersion, _ fields: [(String, [UInt8])]) -> HTTPRequestHead {
        HTTPRequestHead(
            method: Array(method.utf8),
            target: Array("/".utf8),
            version: version,
            fields: fields.map { HTTPField(name: Array($0.0.utf8), value: $0.1) }
        )
    }

    static func text(_ fields: [(String, String)]) -> [(String, [UInt8])] { fields.map { ($0.0, Array($0.1.utf8)) } }

    @Test func browserRequest() {
        let ja4h = JA4H(
            Self.head(
                "GET",
                .http11,
                Self.text([
                    ("Host", "www.example.org"),
                    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
                    ("Accept", "text/html"), ("Accept-Language", "en-US,en;q=0.5"),
                    ("Accept-Encoding", "gzip, deflate"),
                    ("Referer", "https://www.example.org/"), ("Connection", "keep-alive"),
                    ("Cookie", "session=abc123; theme=dark"), ("Upgrade-Insecure-Requests", "1"),
                ])
            )
        )
        #expect(ja4h.hashed == "ge11cr07enus_484c43910ad1_6263fd0189b4_a29ccbd5ccf2")
        let lists =
            "Host,User-Agent,Accept,Accept-Language,Accept-Encoding,Connection,Upgrade-Insecure-Requests"
            + "_session,theme_session=abc123,theme=dark"
        #expect(ja4h.raw == "ge11cr07enus_" + lists)
        #expect(ja4h.rawOriginalOrder == "ge11cr07enus_" + lists)
    }

    /// Cookie and Referer are recognised by their exact names, in any case. FoxIO's Python drops every
    /// header whose name starts with `cookie` and its Rust code compares case-sensitively; the spec decides,
    /// so `X-Original-Referer` is an ordinary header and `REFERER` sets the `r`.
    /// Cookies sort by name, then value (spec §6): `a` < `a-b` although `a-b=0` < `a=1` as strings, which
    /// FoxIO's older Rust code sorted by. The language is the first entry up to `,` or `;`: `da`, not the
    /// Rust code's `da;q`.
    @Test func specDecidesWhereFoxIOImplementationsDiffer() {
        let ja4h = JA4H(
            Self.head(
                "POST",
                .http10,
                Self.text([
                    ("host", "a"), ("X-Original-Referer", "x"), ("cookie", "b=2; a=2; a=1; a-b=0"), ("REFERER", "r"),
                    ("Accept-Language", "da;q=0.9, en"),
                ])
            )
        )
        #expect(ja4h.hashed == "po10cr03da00_a80c6c942f8c_b0e53890bc63_f02008a5de83")
        #expect(ja4h.raw == "po10cr03da00_host,X-Original-Referer,Accept-Language_a,a,a-b,b_a=1,a=2,a-b=0,b=2")
        #expect(
            ja4h.rawOriginalOrder == "po10cr03da00_host,X-Original-Referer,Accept-Language_b,a,a,a-b_b=2,a=2,a=1,a-b=0"
        )
    }

    /// Any token method gives its first two bytes, lower-cased: `M-SEARCH` is `m-` (FoxIO's Python). FoxIO's
    /// current Wireshark plugin maps known methods through a table instead (`ms`, and `00` for unknown ones).
    @Test func methodCodes() {
        let search = JA4H(
            Self.head(
                "M-SEARCH",
                .http11,
                Self.text([("HOST", "239.255.255.250:1900"), ("MAN", "x"), ("MX", "1"), ("ST", "a")])
            )
        )
        #expect(search.hashed == "m-11nn040000_a3c882e23515_000000000000_000000000000")
        let many = JA4H(Self.head("X", .http11, (0..<120).map { ("X-\($0)", Array("v".utf8)) }))
        #expect(many.hashed == "x011nn990000_dcf22592a1d4_000000000000_000000000000")
        #expect(JA4H(Self.head("OPTIONS", .http10, [])).hashed == "op10nn000000_000000000000_000000000000_000000000000")
        #expect(JA4H(Self.head("GET", .http10, [])).raw == "ge10nn000000___")
    }

    /// Hashes cover the bytes as sent; the raw strings show a byte that is not UTF-8 as U+FFFD, and the
    /// language code writes a byte outside printable ASCII as `0`.
    @Test func bytesThatAreNotUTF8() {
        let ja4h = JA4H(
            Self.head(
                "GET",
                .http11,
                [
                    ("Host", Array("h".utf8)), ("Cookie", Array("k=".utf8) + [0xC3, 0x28, 0xFF] + Array("; j=1".utf8)),
                    ("Accept-Language", [0x20, 0xC3, 0xA9] + Array("s-ES".utf8)),
                ]
            )
        )
        #expect(ja4h.hashed == "ge11cn0200se_09e340ee0db0_ac2e676f7e12_e2bd0ad3ac83")
        #expect(ja4h.raw == "ge11cn0200se_Host,Accept-Language_j,k_j=1,k=\u{FFFD}(\u{FFFD}")
    }

    /// Cookie items are split on `; ` only (RFC 6265 §4.2.1); every Cookie field counts, in order; an empty
    /// Cookie sets `c` and lists nothing.
    @Test func cookieSplitting() {
        let glued = JA4H(Self.head("GET", .http11, Self.text([("Cookie", "a=1;b=2")])))
        #expect(glued.hashed == "ge11cn000000_000000000000_ca978112ca1b_0102cc59af83")
        #expect(glued.raw == "ge11cn000000__a_a=1;b=2")
        let empty = JA4H(Self.head("GET", .http11, Self.text([("Cookie", "")])))
        #expect(empty.hashed == "ge11cn000000_000000000000_000000000000_000000000000")
        let two = JA4H(
            Self.head("GET", .http11, Self.text([("Cookie", "z=1"), ("Accept-Language", "*"), ("Cookie", "y; x=")]))
        )
        #expect(two.hashed == "ge11cn01*000_6ec18c3c2e22_1fb17be39daa_185748df3ef0")
        #expect(two.raw == "ge11cn01*000_Accept-Language_x,y,z_x=,y,z=1")
        #expect(two.rawOriginalOrder == "ge11cn01*000_Accept-Language_z,y,x_z=1,y,x=")
    }

    static let languages: [(String?, String)] = [
        (nil, "0000"), ("", "0000"), ("en-US,en;q=0.9", "enus"), ("da, en-GB;q=0.8", "da00"), ("zh-Hant-TW", "zhha"),
        ("  fr-CA ; q=1", "frca"), ("*", "*000"), ("EN", "en00"), (",en", "0000"),
    ]

    @Test(arguments: languages)
    func languageCodes(value: String?, code: String) {
        #expect(JA4H.languageCode(value.map { Array($0.utf8) }) == code)
    }
}
