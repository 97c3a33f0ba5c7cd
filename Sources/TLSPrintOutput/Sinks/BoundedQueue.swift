/// A fixed-capacity FIFO ring that drops its oldest element when full.
struct BoundedQueue<Element> {
    private var storage: [Element?]
    private var head = 0
    private(set) var count = 0

    /// A queue holding at most `capacity` (at least 1) elements.
    init(capacity: Int) {
        storage = Array(repeating: nil, count: max(1, capacity))
    }

    var capacity: Int { storage.count }
    var isEmpty: Bool { count == 0 }
    var isFull: Bool { count == storage.count }

    /// Appends `element`; returns true when the oldest element was dropped to make room.
    mutating func append(_ element: Element) -> Bool {
        var dropped = false
        if isFull {
            _ = popFirst()
            dropped = true
        }
        storage[(head + count) % storage.count] = element
        count += 1
        return dropped
    }

    /// Puts `element` back at the front; false (nothing changed) when full.
    mutating func prepend(_ element: Element) -> Bool {
        guard !isFull else { return false }
        head = (head + storage.count - 1) % storage.count
        storage[head] = element
        count += 1
        return true
    }

    /// The oldest element, left in place.
    var first: Element? { count > 0 ? storage[head] : nil }

    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) % storage.count
        count -= 1
        return element
    }

    /// Empties the queue, returning how many elements it held.
    mutating func removeAll() -> Int {
        let removed = count
        while popFirst() != nil {}
        return removed
    }
}
