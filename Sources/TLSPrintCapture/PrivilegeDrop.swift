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

    /// The uid and gid to switch to.
    package struct Target: Hashable, Sendable {
        /// The user id.
        package var uid: uid_t
        /// The primary group id.
        package var gid: gid_t

        /// A uid and gid.
        package init(uid: uid_t, gid: gid_t) {
            self.uid = uid
            self.gid = gid
        }
    }

    /// Drops to `user`'s uid and primary gid with no supplementary groups.
    /// - Throws: `Failure`; the process must then exit rather than keep running privileged.
    package static func drop(to user: String) throws(Failure) {
        let target = try resolve(user)
        guard setgroups(0, nil) == 0 else { throw Failure(step: "setgroups", errno: errno, user: user) }
        guard setgid(target.gid) == 0 else { throw Failure(step: "setgid", errno: errno, user: user) }
        guard setuid(target.uid) == 0 else { throw Failure(step: "setuid", errno: errno, user: user) }
        if target.uid != 0, setuid(0) == 0 {
            throw Failure(step: "verify (could regain root)", errno: 0, user: user)
        }
    }

    /// What `--user` names: `UID:GID` (numbers, no passwd entry needed), a user name, or a bare `UID`
    /// (a name is looked up first, as chown(1) does; a number without an entry gets GID = UID, as minimal
    /// container images have no passwd file for 65534).
    /// - Throws: `Failure` when the text is none of these.
    package static func resolve(_ user: String) throws(Failure) -> Target {
        if let colon = user.firstIndex(of: ":") {
            guard let uid = uid_t(user[..<colon]), let gid = gid_t(user[user.index(after: colon)...]) else {
                throw Failure(step: "parse (expected NAME, UID or UID:GID)", errno: 0, user: user)
            }
            return Target(uid: uid, gid: gid)
        }
        if let entry = unsafe getpwnam(user) {
            return unsafe Target(uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
        }
        guard let uid = uid_t(user) else { throw Failure(step: "getpwnam (no such user)", errno: 0, user: user) }
        if let entry = unsafe getpwuid(uid) { return unsafe Target(uid: uid, gid: entry.pointee.pw_gid) }
        return Target(uid: uid, gid: gid_t(uid))
    }
}
