import Glibc
import TLSPrintCapture
import Testing

/// `--user`: names, numbers and `UID:GID` (issue 11: minimal images have no passwd entry for 65534).
/// The real switch is tested on the binary (`LiveOutputTests.numericUserNeedsNoPasswdEntry`, as root).
@Suite struct PrivilegeDropTests {
    @Test func numericPairNeedsNoEntry() throws {
        #expect(try PrivilegeDrop.resolve("65534:65534") == PrivilegeDrop.Target(uid: 65_534, gid: 65_534))
        #expect(try PrivilegeDrop.resolve("54321:7") == PrivilegeDrop.Target(uid: 54_321, gid: 7))
    }

    @Test func bareNumberWithoutEntryUsesItAsGroupToo() throws {
        try #require(unsafe getpwuid(54_321) == nil)
        #expect(try PrivilegeDrop.resolve("54321") == PrivilegeDrop.Target(uid: 54_321, gid: 54_321))
    }

    @Test func namesComeFromThePasswdFile() throws {
        #expect(try PrivilegeDrop.resolve("root") == PrivilegeDrop.Target(uid: 0, gid: 0))
        #expect(try PrivilegeDrop.resolve("0") == PrivilegeDrop.Target(uid: 0, gid: 0))
    }

    @Test(arguments: ["no-such-user-tlsprint", "1:x", "x:1", ":1", "1:", "-1:0", "99999999999:0"])
    func malformedOrUnknownIsRefused(_ user: String) {
        #expect(throws: PrivilegeDrop.Failure.self) { try PrivilegeDrop.resolve(user) }
    }
}
