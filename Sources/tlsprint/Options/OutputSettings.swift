import TLSPrintOutput

/// The output options resolved for one run.
struct OutputSettings {
    /// Seconds `read` and `live` wait at exit for network outputs by default.
    static let defaultDrainTimeout: Double = 5

    var destinations: [OutputDestination]
    var format: OutputFormat
    var identity: EncoderIdentity
    var quiet: Bool
    /// `--drain-timeout`.
    var drainTimeout: Double
}
