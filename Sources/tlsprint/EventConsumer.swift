import TLSPrintEvent

/// What the capture loop of `read` and `summary` hands its events to.
protocol EventConsumer: AnyObject {
    /// The events one packet produced (never empty), in order.
    func consume(_ events: [Event])
    /// The sensor's last events at the end of the input (possibly none).
    func finish(_ events: [Event])
    /// Called before each read(2) of the input, so buffered output reaches a pipe while the input pauses.
    func willRead()
}
