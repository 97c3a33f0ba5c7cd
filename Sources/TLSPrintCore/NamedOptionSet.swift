/// An option set whose members are named on the command line as a comma-separated list (`--protocols tls,ssh`).
package protocol NamedOptionSet: OptionSet where Element == Self {
    /// Each member's name, in the order help texts list them.
    static var names: [(name: String, member: Self)] { get }
}

/// An entry of a list that names no member.
package struct UnknownOptionName: Error, Hashable, Sendable {
    package var name: String

    package init(name: String) { self.name = name }
}

extension NamedOptionSet {
    /// Parses `tls,ssh` (spaces and case ignored); the failure names the first unknown entry.
    package static func parse(_ text: String) -> Result<Self, UnknownOptionName> {
        var members: Self = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(entry.filter { $0 != " " }).lowercased()
            guard let match = names.first(where: { $0.name == name }) else {
                return .failure(UnknownOptionName(name: name))
            }
            members.insert(match.member)
        }
        return .success(members)
    }

    /// The names, comma-separated, for messages.
    package static var nameList: String { names.map(\.name).joined(separator: ", ") }
}
