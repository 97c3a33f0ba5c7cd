import FuzzSupport

/// libFuzzer entry point; the body is FuzzHarness.serverHello (Tests/TLSPrintSensorTests/HostileHarness.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.serverHello(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// Structure-aware mutation of hello bodies (Fuzz/Support/HelloMutator.swift).
@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    HelloMutator.mutate(data, size, maxSize, seed, isClient: false)
}
