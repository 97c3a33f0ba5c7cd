import Glibc

/// Switches the process to an unprivileged user once the capture is open, as tcpdump `-Z` does.
///
/// Order matters: supplementary groups, then the group, then the user (after `setuid` the others are no
/// longer allowed). A final check that `setuid(0)` now fails proves the drop cannot be undone. Capabilities
/// are cleared by the kernel on the switch from uid 0 (no `PR_SET_KEEPCAPS`); the open capture socket keeps
/// working because permission is checked only when it is opened.
package enum PrivilegeDrop {
    /// Why the drop failed.
    package struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The step that failed (`getpwnam`, `setgroups`, `setgid`, `setuid`, `verify`).
        package var step: String
        /// errno of the step, 0 when not applicable.
        package var errno: Int32
        /// The user asked for.
        package var user: String

        /// One line for stderr.
        package var description: String {
            let reason = errno == 0 ? "" : ": \(String(cString: strerror(errno)))"
            return "--user \(user): \(step) failed\(reason)"
        }
    }

    /// Drops to `user`'s uid and primary gid with no supplementary groups.
    /// - Throws: `Failure`; the process must then exit rather than keep running privileged.
    package static func drop(to user: String) throws(Failure) {
        guard let entry = unsafe getpwnam(user) else {
            throw Failure(step: "getpwnam (no such user)", errno: 0, user: user)
        }
        let uid = unsafe entry.pointee.pw_uid
        let gid = unsafe entry.pointee.pw_gid
        guard setgroups(0, nil) == 0 else { throw Failure(step: "setgroups", errno: errno, user: user) }
        guard setgid(gid) == 0 else { throw Failure(step: "setgid", errno: errno, user: user) }
        guard setuid(uid) == 0 else { throw Failure(step: "setuid", errno: errno, user: user) }
        if uid != 0, setuid(0) == 0 { throw Failure(step: "verify (could regain root)", errno: 0, user: user) }
    }
}
