/// RFC 8701 GREASE: the sixteen reserved values 0x0A0A, 0x1A1A, … 0xFAFA that clients send to keep
/// peers tolerant of unknown code points.
public enum GREASE {
    /// True when `value` is one of the sixteen GREASE values (both bytes equal, low nibble 0xA).
    @inlinable
    public static func contains(_ value: UInt16) -> Bool {
        value & 0x0F0F == 0x0A0A && value >> 8 == value & 0xFF
    }
}
