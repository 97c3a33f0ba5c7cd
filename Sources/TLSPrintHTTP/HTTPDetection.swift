/// What the first bytes of a stream say about HTTP/1.x.
package enum HTTPDetection: Hashable, Sendable {
    /// The bytes so far fit a request line that has not ended yet.
    case undecided
    /// A complete request line: `method SP request-target SP HTTP/1.0|1.1` and its line terminator.
    case yes
    /// Not an HTTP/1.x request line.
    case no
}
