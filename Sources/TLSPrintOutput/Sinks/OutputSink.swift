import SystemPackage
import TLSPrintEvent

/// Any of tlsprint's sinks, chosen at run time from an ``OutputDestination`` (no existential needed).
package enum OutputSink: EventSink, ~Copyable {
    /// Standard output.
    case standardOutput(StandardOutputSink)
    /// An appended file.
    case file(FileSink)
    /// Syslog over UDP.
    case udp(SyslogUDPSink)
    /// Syslog over TCP or TLS.
    case stream(SyslogStreamSink)

    /// Opens the sink for `destination`, writing `destination.format(default:)` as `identity`.
    ///
    /// `destination.framing` (`--framing`) applies to TCP and TLS; without it TCP uses octet counting for
    /// syslog and LF framing for JSON lines, and TLS always uses octet counting (RFC 5425 §4.3).
    /// - Throws: `SinkError(.open)` (a file), `(.load)` (TLS material) or `(.resolve)`.
    package init(
        destination: OutputDestination,
        defaultFormat: OutputFormat,
        identity: EncoderIdentity
    ) throws(SinkError) {
        let framing = destination.framing
        let format = destination.format(default: defaultFormat)
        let encoding = format.encoder(identity: identity)
        switch destination.target {
        case .standardOutput:
            self = .standardOutput(StandardOutputSink(encoding: encoding))
        case .file(let path):
            self = .file(try FileSink(path: FilePath(path), encoding: encoding))
        case .udp(let host, let port):
            self = .udp(try SyslogUDPSink(host: host, port: port, encoding: encoding))
        case .tcp(let host, let port):
            let framing = framing ?? (format.isJSON ? .lineFeed : .octetCounting)
            self = .stream(try SyslogStreamSink(host: host, port: port, encoding: encoding, framing: framing))
        case .tls(let host, let port):
            self = .stream(
                try SyslogStreamSink(
                    host: host,
                    port: port,
                    encoding: encoding,
                    options: destination.tlsOptions,
                    framing: framing ?? .octetCounting
                )
            )
        }
    }

    /// Writes one event to the underlying sink.
    package mutating func write(_ event: Event) throws(SinkError) {
        var failure: SinkError?
        switch consume self {
        case .standardOutput(var sink):
            do throws(SinkError) { try sink.write(event) } catch { failure = error }
            self = .standardOutput(sink)
        case .file(var sink):
            do throws(SinkError) { try sink.write(event) } catch { failure = error }
            self = .file(sink)
        case .udp(var sink):
            do throws(SinkError) { try sink.write(event) } catch { failure = error }
            self = .udp(sink)
        case .stream(var sink):
            do throws(SinkError) { try sink.write(event) } catch { failure = error }
            self = .stream(sink)
        }
        if let failure { throw failure }
    }

    /// Flushes the underlying sink.
    package mutating func flush() throws(SinkError) {
        var failure: SinkError?
        switch consume self {
        case .standardOutput(var sink):
            do throws(SinkError) { try sink.flush() } catch { failure = error }
            self = .standardOutput(sink)
        case .file(var sink):
            do throws(SinkError) { try sink.flush() } catch { failure = error }
            self = .file(sink)
        case .udp(var sink):
            do throws(SinkError) { try sink.flush() } catch { failure = error }
            self = .udp(sink)
        case .stream(var sink):
            do throws(SinkError) { try sink.flush() } catch { failure = error }
            self = .stream(sink)
        }
        if let failure { throw failure }
    }

    /// Reopens a file output (SIGHUP); other outputs have nothing to reopen.
    package mutating func reopen() throws(SinkError) {
        var failure: SinkError?
        switch consume self {
        case .file(var sink):
            do throws(SinkError) { try sink.reopen() } catch { failure = error }
            self = .file(sink)
        case let other:
            self = other
        }
        if let failure { throw failure }
    }

    /// Records dropped so far by a network output (`dropped_output`); 0 for local outputs.
    package var droppedCount: Int {
        switch self {
        case .udp(let sink): sink.counters.dropped
        case .stream(let sink): sink.counters.dropped
        default: 0
        }
    }

    /// The counters of a network output so far; nil for local outputs.
    package var networkCounters: NetworkSinkCounters? {
        switch self {
        case .udp(let sink): sink.counters
        case .stream(let sink): sink.counters
        default: nil
        }
    }

    /// Flushes and, for a network output, sends what is queued for at most `timeout` seconds and stops
    /// its thread. Call once at exit; returns the network counters (zero for local outputs).
    package mutating func finish(timeout: Double) throws(SinkError) -> NetworkSinkCounters {
        try flush()
        var counters = NetworkSinkCounters()
        switch consume self {
        case .udp(var sink):
            counters = sink.finish(timeout: timeout)
            self = .udp(sink)
        case .stream(var sink):
            counters = sink.finish(timeout: timeout)
            self = .stream(sink)
        case let other:
            self = other
        }
        return counters
    }
}
