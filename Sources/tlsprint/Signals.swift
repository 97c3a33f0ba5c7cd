import CoreFoundation  // with swift-nio in the graph, `timespec`'s initialiser is looked up there
import Foundation
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
        /// SIGHUP arrived.
        var reopen = false
    }

    private var mask = sigset_t()

    /// Blocks SIGINT, SIGTERM and SIGHUP in this thread and the threads it starts from now on.
    /// - Throws: the errno of `pthread_sigmask`.
    init() throws(SignalChannelError) {
        sigemptyset(&mask)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&mask, signal) }
        let blocked = pthread_sigmask(SIG_BLOCK, &mask, nil)
        guard blocked == 0 else { throw SignalChannelError(errno: blocked) }
    }

    /// Collects every blocked signal that is pending (never waits).
    func drain() -> Pending {
        var pending = Pending()
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        for _ in 0..<64 {
            let signal = sigtimedwait(&mask, nil, &zero)
            guard signal > 0 else { break }
            switch signal {
            case SIGHUP: pending.reopen = true
            case SIGINT, SIGTERM: pending.stop = true
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
