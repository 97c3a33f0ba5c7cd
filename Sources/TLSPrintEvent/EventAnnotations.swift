/// What tlsprint adds to a traffic event after the fingerprints: the labels of the label-list rows the event
/// matches, and the capture file it came from (`read --with-source`). Written after every fingerprint field and
/// before a certificate's `chain`, in that order.
package struct EventAnnotations: Hashable, Sendable {
    /// `labels`: one entry per matching row (`Application / Library [list]`); absent when empty.
    package var labels: [String]
    /// `pcap_file`: the capture file as named on the command line; absent unless asked for.
    package var pcapFile: String?

    package init(labels: [String] = [], pcapFile: String? = nil) {
        self.labels = labels
        self.pcapFile = pcapFile
    }

    /// True when there is nothing to write.
    package var isEmpty: Bool { labels.isEmpty && pcapFile == nil }

    func write<W: EventFieldWriter>(to writer: inout W) {
        if !labels.isEmpty { writer.labels("labels", labels) }
        // A path is the user's bytes: written as text, escaped like any other.
        if let pcapFile { writer.text("pcap_file", Array(pcapFile.utf8)) }
    }
}
