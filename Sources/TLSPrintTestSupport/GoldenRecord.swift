import Foundation
import TLSPrintEvent
import TLSPrintOutput

/// The golden output of the fixture captures (`Tests/Fixtures/golden`, see its README), and events encoded the
/// way it was recorded, so that a test can hold a sensor's events to what the recorded binary printed.
package enum GoldenRecord {
    /// The encoder of the recorded runs: JSON lines with `--node-name golden`.
    package static let encoder = JSONLineEncoder(identity: EncoderIdentity(nodeName: "golden"))

    /// The JSON lines recorded for `Tests/Fixtures/captures/<capture>`, in order, without terminators.
    package static func jsonLines(capture: String) throws -> [String] {
        let url = Fixture.url("golden/fixtures/\(capture).jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// `event` as the recorded binary would have printed it, without the terminator.
    package static func jsonLine(_ event: Event) -> String {
        String(decoding: encoder.record(event), as: UTF8.self)
    }
}
