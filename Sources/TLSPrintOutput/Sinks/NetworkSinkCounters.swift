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
    /// Stream connections that broke while sending (TCP, TLS).
    package var disconnects = 0
    /// Records sent on a stream connection before it broke that the peer's TCP had not acknowledged when
    /// the break was found: they reached our kernel but may never have reached the collector. They are
    /// not resent (they may have arrived) and not in ``dropped``. See ``InFlightTracker`` for the limits.
    package var inFlightAtDisconnect = 0
    /// Records sent on the last connection that the peer had not acknowledged when the sink closed it
    /// at exit (TCP normally still delivers them after the close).
    package var unconfirmedAtExit = 0

    /// Every dropped record (`dropped_output` in `sensor_stats`).
    package var dropped: Int { droppedOverflow + droppedSendFailure + droppedAtExit }

    /// One line for the end-of-run summary, e.g. `sent 10/12, dropped 2 (overflow 2, send 0, exit 0),
    /// truncated 0, 1 disconnects with 3 maybe in flight, 0 unconfirmed at exit, 2 connections (1 failed
    /// attempts)`.
    package var summary: String {
        "sent \(sent)/\(queued), dropped \(dropped) (overflow \(droppedOverflow), send \(droppedSendFailure), "
            + "exit \(droppedAtExit)), truncated \(truncated), \(disconnects) disconnects with "
            + "\(inFlightAtDisconnect) maybe in flight, \(unconfirmedAtExit) unconfirmed at exit, \(connections) connections (\(connectFailures) failed attempts)"
    }
}
