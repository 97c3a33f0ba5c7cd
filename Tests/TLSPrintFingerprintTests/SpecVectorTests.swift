import TLSPrintCore
import TLSPrintFingerprint
import Testing

/// Vectors from shared/spec/fingerprints.md (themselves from FoxIO's JA4.md and salesforce/ja3).
@Suite struct SpecVectorTests {
    @Test func hash12Vectors() {
        #expect(FingerprintHash.hash12("551d0f,551d25,551d11") == "aae71e8db6d7")
        #expect(FingerprintHash.hash12("") == "000000000000")
        #expect(
            FingerprintHash.hash12("002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9")
                == "8daaf6152771"
        )
        let extensions = "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01"
        #expect(FingerprintHash.hash12(extensions + "_0403,0804,0401,0503,0805,0501,0806,0601") == "e5627efa2ab1")
        #expect(FingerprintHash.hash12(extensions) == "6d807ffa2a79")
    }

    @Test func ja3Md5Vectors() {
        #expect(FingerprintHash.md5Hex("769,4-5-10-9-100-98-3-6-19-18-99,,,") == "de350869b8c85de67a350c8d186f11e6")
        #expect(
            FingerprintHash.md5Hex("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0")
                == "ada70206e40642a3e4461f35503241d5"
        )
    }

    @Test func ja4sVectors() {
        #expect("t120400_c030_" + FingerprintHash.hash12("0005,0017,ff01,0000") == "t120400_c030_4e8089b08790")
        #expect("t130200_1301_" + FingerprintHash.hash12("0033,002b") == "t130200_1301_234ea6891581")
    }

    static let alpn: [([UInt8]?, String)] = [
        (Array("h2".utf8), "h2"), (Array("http/1.1".utf8), "h1"), ([0xBA, 0xAD], "bd"), ([0x20, 0x61], "21"),
        ([0x30, 0xAB, 0xCD, 0x31], "01"), (Array("h".utf8), "hh"), (Array("*x".utf8), "28"), (Array("x".utf8), "xx"),
        (nil, "00"), ([], "00"),
    ]

    @Test(arguments: alpn)
    func alpnCharactersFollowTheWrittenSpec(value: [UInt8]?, code: String) {
        #expect(JA4Fields.alpnCode(value) == code)
    }

    @Test func countsArePaddedAndCapped() {
        #expect(JA4Fields.twoDigitCount(6) == "06")
        #expect(JA4Fields.twoDigitCount(99) == "99")
        #expect(JA4Fields.twoDigitCount(256) == "99")
    }

    static let ja4t: [(JA4T, String)] = [
        (
            JA4T(window: 64240, optionKinds: [2, 1, 3, 1, 1, 4], maximumSegmentSize: 1460, windowScale: 8),
            "64240_2-1-3-1-1-4_1460_8"
        ),
        (
            JA4T(window: 65535, optionKinds: [2, 1, 3, 1, 1, 8, 4, 0, 0], maximumSegmentSize: 1460, windowScale: 6),
            "65535_2-1-3-1-1-8-4-0-0_1460_6"
        ),
        (JA4T(window: 8192, optionKinds: [], maximumSegmentSize: nil, windowScale: nil), "8192__0_0"),
    ]

    @Test(arguments: ja4t)
    func ja4tStrings(value: JA4T, expected: String) {
        #expect(value.rendered == expected)
    }

    @Test func ja4lHalvesAndFloors() {
        #expect(JA4L(microseconds: 17255, ttl: 63).rendered == "17255_63")
        let syn = CaptureTimestamp(nanoseconds: 1_000_000_000)
        let synAck = CaptureTimestamp(nanoseconds: 1_000_000_000 + 125_000)  // 125 µs later
        #expect(JA4L(from: syn, to: synAck, ttl: 64).rendered == "62_64")
    }
}
