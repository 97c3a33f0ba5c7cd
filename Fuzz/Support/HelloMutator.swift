#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's own mutator, exported by the fuzzer runtime.
@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// Structure-aware mutation of hello bodies: tweak one length or count, splice, drop, reorder or rewrite an
/// extension, with lengths kept consistent except where one is broken on purpose.
///
/// Set `TLSPRINT_FUZZ_PLAIN=1` to disable it (byte-level `LLVMFuzzerMutate` only) to compare coverage.
public enum HelloMutator {
    static let plain: Bool = {
        guard let value = getenv("TLSPRINT_FUZZ_PLAIN") else { return false }
        return value.pointee == UInt8(ascii: "1")
    }()

    /// The `LLVMFuzzerCustomMutator` body for a hello target.
    public static func mutate(
        _ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32, isClient: Bool
    ) -> Int {
        var random = SplitMix64(seed: seed)
        // One call in four stays byte-level, so the fuzzer can still find what the model cannot express.
        if plain || random.below(4) == 0 { return LLVMFuzzerMutate(data, size, maxSize) }
        let input = Array(UnsafeBufferPointer(start: data, count: size))
        guard var model = HelloModel(parsing: input, isClient: isClient) else {
            return LLVMFuzzerMutate(data, size, maxSize)
        }
        mutateModel(&model, &random)
        var (bytes, fields) = model.serialized()
        if random.below(3) == 0, !fields.isEmpty {
            corruptLength(&bytes, field: fields[random.below(fields.count)], &random)
        }
        guard bytes.count <= maxSize else { return LLVMFuzzerMutate(data, size, maxSize) }
        for (index, byte) in bytes.enumerated() { data[index] = byte }
        return bytes.count
    }

    static func mutateModel(_ model: inout HelloModel, _ random: inout SplitMix64) {
        var extensions = model.extensions ?? []
        switch random.below(9) {
        case 0 where !extensions.isEmpty:  // duplicate one extension
            let pick = extensions[random.below(extensions.count)]
            extensions.insert(pick, at: random.below(extensions.count + 1))
        case 1 where !extensions.isEmpty:  // drop one
            extensions.remove(at: random.below(extensions.count))
        case 2 where extensions.count > 1:  // swap two
            extensions.swapAt(random.below(extensions.count), random.below(extensions.count))
        case 3 where !extensions.isEmpty:  // byte-mutate one body, its length follows
            let index = random.below(extensions.count)
            extensions[index].body = mutateBytes(extensions[index].body, &random)
        case 4 where !extensions.isEmpty:  // break the inner vector length of a body
            let index = random.below(extensions.count)
            tweakInnerLength(&extensions[index].body, &random)
        case 5 where !extensions.isEmpty:  // change a type (known values, GREASE or random)
            let known: [UInt16] = [0, 5, 10, 11, 13, 16, 21, 23, 35, 41, 43, 45, 51, 0x0A0A, 0xFF01, 0xFE0D]
            let index = random.below(extensions.count)
            extensions[index].type = random.below(2) == 0 ? known[random.below(known.count)] : UInt16(random.below(65_536))
        case 6:  // many copies: push extension counts towards the limits
            let copies = [2, 16, 64, 256, 1_024][random.below(5)]
            let pick = extensions.isEmpty ? HelloModel.Extension(type: 0x0A0A, body: []) : extensions[random.below(extensions.count)]
            extensions += Array(repeating: pick, count: copies)
        case 7:
            model.sessionID = mutateBytes(model.sessionID, &random)
            if model.isClient { model.cipherSuites = mutateBytes(model.cipherSuites, &random) }
        default:
            if model.extensions == nil { model.extensions = [] } else if random.below(8) == 0 { model.extensions = nil; return }
        }
        if model.extensions != nil || !extensions.isEmpty { model.extensions = extensions }
    }

    static func mutateBytes(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        let capacity = bytes.count * 2 + 16
        var buffer = bytes + [UInt8](repeating: 0, count: capacity - bytes.count)
        let size = buffer.withUnsafeMutableBufferPointer { pointer -> Int in
            guard let base = pointer.baseAddress else { return 0 }
            return LLVMFuzzerMutate(base, bytes.count, capacity)
        }
        return Array(buffer.prefix(max(0, min(size, capacity))))
    }

    /// Many extension bodies open with their own 1- or 2-byte vector length: set it off by a little or a lot.
    static func tweakInnerLength(_ body: inout [UInt8], _ random: inout SplitMix64) {
        let width = body.count >= 2 && Int(body[0]) << 8 | Int(body[1]) == body.count - 2 ? 2 : 1
        guard body.count >= width else { return }
        corruptLength(&body, field: (0, width), &random)
    }

    static func corruptLength(_ bytes: inout [UInt8], field: (offset: Int, width: Int), _ random: inout SplitMix64) {
        guard field.offset >= 0, field.offset + field.width <= bytes.count else { return }
        let current = bytes[field.offset..<(field.offset + field.width)].reduce(0) { $0 << 8 | Int($1) }
        let maximum = (1 << (8 * field.width)) - 1
        let choices = [0, 1, maximum, current + 1, current - 1, current + 2, current - 2, bytes.count, random.below(maximum + 1)]
        let value = min(max(choices[random.below(choices.count)], 0), maximum)
        for step in 0..<field.width {
            bytes[field.offset + step] = UInt8(truncatingIfNeeded: value >> (8 * (field.width - 1 - step)))
        }
    }
}
