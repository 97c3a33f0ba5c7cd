import CoreFoundation
import Glibc

/// SIGINT, SIGTERM and SIGHUP taken synchronously: blocked, then collected with `sigtimedwait(2)` (zero wait).
///
/// The signals are blocked in the calling thread before any other thread starts (network sinks start
/// threads and inherit the mask), so none is ever delivered to a handler: the capture loop, which wakes at
/// least every poll timeout, calls `drain()` and acts on what arrived. No global state, nothing runs in signal
/// context. (Glibc's Swift module does not expose signalfd, which would make the wait-up immediate.)
final class SignalChannel {
    /// What the loop should do about the signals collected.
    struct Pending: Hashable {
        /// SIGINT or SIGTERM arrived.
        var stop = false
        /// The first of them (for the exit status 128 + signal).
        var stopSignal: Int32 = 0
        /// SIGHUP arrived.
        var reopen = false
    }

    private var mask = sigset_t()

    /// Blocks SIGINT, SIGTERM and (unless `hangup` is false, as for `read`, which a hang-up still ends)
    /// SIGHUP in this thread and the threads it starts from now on.
    /// - Throws: the errno of `pthread_sigmask`.
    init(hangup: Bool = true) throws(SignalChannelError) {
        sigemptyset(&mask)
        for signal in hangup ? [SIGINT, SIGTERM, SIGHUP] : [SIGINT, SIGTERM] { sigaddset(&mask, signal) }
        let blocked = pthread_sigmask(SIG_BLOCK, &mask, nil)
        guard blocked == 0 else { throw SignalChannelError(errno: blocked) }
    }

    /// Collects every blocked signal that is pending (never waits).
    func drain() -> Pending {
        var pending = Pending()
        var zero = timespec()  // all zero: do not wait
        for _ in 0..<64 {
            let signal = sigtimedwait(&mask, nil, &zero)
            guard signal > 0 else { break }
            switch signal {
            case SIGHUP: pending.reopen = true
            case SIGINT, SIGTERM:
                if !pending.stop { pending.stopSignal = signal }
                pending.stop = true
            default: break
            }
        }
        return pending
    }
}

/// The signal mask could not be set.
struct SignalChannelError: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { "signal setup failed: \(String(cString: strerror(errno)))" }
}
