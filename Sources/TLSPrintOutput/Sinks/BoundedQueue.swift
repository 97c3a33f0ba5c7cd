/// A fixed-capacity FIFO ring that drops its oldest element when full.
package struct BoundedQueue<Element> {
    private var storage: [Element?]
    private var head = 0
    package private(set) var count = 0

    /// A queue holding at most `capacity` (at least 1) elements.
    package init(capacity: Int) {
        storage = Array(repeating: nil, count: max(1, capacity))
    }

    /// Most elements held.
    package var capacity: Int { storage.count }
    /// True when nothing is held.
    package var isEmpty: Bool { count == 0 }
    /// True when the next append drops the oldest element.
    package var isFull: Bool { count == storage.count }

    /// Appends `element`; returns true when the oldest element was dropped to make room.
    package mutating func append(_ element: Element) -> Bool {
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
    package mutating func prepend(_ element: Element) -> Bool {
        guard !isFull else { return false }
        head = (head + storage.count - 1) % storage.count
        storage[head] = element
        count += 1
        return true
    }

    /// The oldest element, left in place.
    package var first: Element? { count > 0 ? storage[head] : nil }

    /// Removes and returns the oldest element.
    package mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) % storage.count
        count -= 1
        return element
    }

    /// Empties the queue, returning how many elements it held.
    package mutating func removeAll() -> Int {
        let removed = count
        while popFirst() != nil {}
        return removed
    }
}
