/// Why a label list cannot be used at all: the run stops before reading any packet. The CLI adds the file.
package struct LabelListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line where the problem was found; nil when it concerns the whole file.
    package var line: Int?
    /// The cause in words.
    package var reason: String

    package init(line: Int?, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    package var description: String {
        guard let line else { return reason }
        return "line \(line): \(reason)"
    }
}

/// A row or cell of a label list that was left out (wrong shape, unknown kind): reported with its line and
/// counted, while the rest of the list is used.
package struct LabelListWarning: Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line where the row starts.
    package var line: Int
    package var message: String

    package init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    package var description: String { "line \(line): \(message)" }
}
