import TLSPrintTestSupport
import Testing

extension StreamFixture: CustomTestStringConvertible {
    public var testDescription: String { name }
}
