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
    /// Records sent on the last connection that the peer's TCP had not acknowledged when the sink closed
    /// it at exit (after a half-close and a wait of up to the drain timeout): not delivered.
    package var unconfirmedAtExit = 0
    /// UDP datagrams sent that the collector's host refused (ICMP port unreachable, reported by the kernel
    /// as ECONNREFUSED on the next send or at exit): not delivered.
    package var refused = 0
    /// Failed connection attempts, broken connections and refusals (what the stderr reports count).
    package var failures = 0
    /// The latest failure.
    package var lastFailure: SinkError?
    /// True from a failure until a record is sent again.
    package var failing = false
    /// True while the connection is open (TCP and TLS: established; UDP: the socket is connected), from a
    /// successful (re)connection until it breaks or closes at exit.
    package var connected = false
    /// Records waiting in the queue when the counters were read (the one being sent not included).
    package var queueDepth = 0

    /// Every dropped record (`dropped_output` in `sensor_stats`).
    package var dropped: Int { droppedOverflow + droppedSendFailure + droppedAtExit }

    /// Records not delivered: dropped, refused, or not acknowledged when the connection closed at exit.
    /// Delivered means written without error on a connection that then closed cleanly (TCP, TLS), or sent
    /// with no error reported (UDP).
    package var undelivered: Int { dropped + refused + unconfirmedAtExit }

    /// One line for the end-of-run summary, e.g. `sent 10/12, dropped 2 (overflow 2, send 0, exit 0),
    /// 0 refused, truncated 0, 1 disconnects with 3 maybe in flight, 0 unconfirmed at exit, 2 connections (1 failed
    /// attempts)`.
    package var summary: String {
        "sent \(sent)/\(queued), dropped \(dropped) (overflow \(droppedOverflow), send \(droppedSendFailure), "
            + "exit \(droppedAtExit)), \(refused) refused, truncated \(truncated), \(disconnects) disconnects with "
            + "\(inFlightAtDisconnect) maybe in flight, \(unconfirmedAtExit) unconfirmed at exit, \(connections) connections (\(connectFailures) failed attempts)"
    }

    /// Counts `error` as the latest failure.
    mutating func noteFailure(_ error: SinkError) {
        failures += 1
        lastFailure = error
        failing = true
    }
}
