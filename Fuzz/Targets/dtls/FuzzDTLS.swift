import FuzzSupport

/// libFuzzer entry point; the body is FuzzHarness.dtls (Tests/TLSPrintSensorTests/HostileHarness.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.dtls(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

