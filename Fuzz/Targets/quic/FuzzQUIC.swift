import FuzzSupport

/// libFuzzer entry point; the body is FuzzHarness.quic (Tests/TLSPrintSensorTests/HostileHarness.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.quic(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

