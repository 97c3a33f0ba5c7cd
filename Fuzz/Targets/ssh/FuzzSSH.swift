import FuzzSupport

/// libFuzzer entry point; the body is FuzzHarness.ssh (Tests/TLSPrintSensorTests/HostileHarness+SSH.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.ssh(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
