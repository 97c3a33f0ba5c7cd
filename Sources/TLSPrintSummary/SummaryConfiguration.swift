/// The capacities of a summary: every table has a fixed number of entries, whatever the input size.
package struct SummaryConfiguration: Hashable, Sendable {
    /// Fingerprints tracked per family (Space-Saving entries).
    package var fingerprintEntries = 1_024
    /// Source addresses tracked for the top talkers.
    package var talkerEntries = 1_024
    /// Flagged certificates tracked.
    package var certificateEntries = 256
    /// Names (SNI, Host, identification line) tracked per fingerprint, and endpoints per certificate.
    package var namesPerEntry = 16
    /// Distinct labels kept per fingerprint; more are counted, not kept.
    package var labelsPerEntry = 8
    /// Distinct values counted exactly per entry before the HyperLogLog sketch takes over.
    package var exactDistinct = 64
    /// HyperLogLog precision per entry (2^p one-byte registers).
    package var entryPrecision = 10
    /// Distinct values counted exactly, and the precision, of the capture-wide source count.
    package var overallExactDistinct = 1_024
    package var overallPrecision = 12

    package init() {}
}
