/// What a network sink did with the records it was given.
package struct NetworkSinkCounters: Hashable, Sendable {
    /// Records handed to the sink.
    package var queued = 0
    /// Records the socket accepted.
    package var sent = 0
    /// Oldest records dropped because the queue was full.
    package var droppedOverflow = 0
    /// Records dropped because sending failed (UDP) or could not be retried (TCP, queue full).
    package var droppedSendFailure = 0
    /// Records still queued when the exit time limit ran out.
    package var droppedAtExit = 0
    /// UDP records cut to the datagram limit.
    package var truncated = 0
    /// Connection attempts that failed.
    package var connectFailures = 0
    /// Successful (re)connections.
    package var connections = 0

    /// Every dropped record (`dropped_output` in `sensor_stats`).
    package var dropped: Int { droppedOverflow + droppedSendFailure + droppedAtExit }
}
