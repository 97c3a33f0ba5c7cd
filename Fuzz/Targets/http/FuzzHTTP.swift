import FuzzSupport

/// libFuzzer entry point; the body is FuzzHarness.http (Tests/TLSPrintSensorTests/HostileHarness+HTTP.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.http(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
