/// A JSON object built from dotted paths (`tls.client.ja3`) and written nested, the ECS norm: each object
/// appears once, and members keep the order in which their first field arrived, so the output depends only
/// on the order of the calls. Values are JSON text already (see ``JSONWriter``).
struct ECSObject {
    private var names: [String] = []
    private var members: [Member] = []

    private indirect enum Member {
        case value([UInt8])
        case object(ECSObject)
    }

    init() {}

    /// True when nothing was set.
    var isEmpty: Bool { names.isEmpty }

    /// Sets the member at the dotted `path` to the JSON text `json`.
    ///
    /// A later value for the same path replaces the earlier one. A path that runs through a value, or ends
    /// on an object, replaces it too: the mapping never does that (ECSFieldMap's paths are disjoint), and the
    /// last word is deterministic.
    mutating func set(_ path: String, json: [UInt8]) {
        set(path.split(separator: ".")[...], json: json)
    }

    /// Sets the member named `name` (a plain key, not split at dots).
    mutating func set(name: String, json: [UInt8]) {
        set([Substring(name)][...], json: json)
    }

    private mutating func set(_ path: ArraySlice<Substring>, json: [UInt8]) {
        guard let first = path.first else { return }
        let name = String(first)
        let index = names.firstIndex(of: name)
        let member: Member
        if path.count == 1 {
            member = .value(json)
        } else {
            var child = ECSObject()
            if let index, case .object(let existing) = members[index] {
                child = existing
                members[index] = .value([])  // drop the second reference before the child is changed
            }
            child.set(path.dropFirst(), json: json)
            member = .object(child)
        }
        if let index {
            members[index] = member
        } else {
            names.append(name)
            members.append(member)
        }
    }

    /// Writes the object, nested.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for (name, member) in zip(names, members) {
            writer.key(name)
            switch member {
            case .value(let json): writer.rawJSON(json)
            case .object(let object): object.write(to: &writer)
            }
        }
        writer.endObject()
    }
}
