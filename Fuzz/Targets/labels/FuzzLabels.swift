import FuzzSupport

/// libFuzzer entry point; the body is FuzzHarness.labels (Tests/TLSPrintSensorTests/HostileHarness+Labels.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.labels(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
