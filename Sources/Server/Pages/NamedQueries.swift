import Foundation

/// The named SPARQL queries of the `Queries/` folder (`all-graphs.rq` is `all-graphs`): examples on the query page, and
/// served at `/queries/{name}`. Read once, when the server starts.
package struct NamedQueries: Sendable {
    package struct Entry: Sendable, Equatable {
        package var name: String
        package var text: String
    }

    /// Sorted by name.
    package let entries: [Entry]

    package init(entries: [Entry]) { self.entries = entries.sorted { $0.name < $1.name } }

    /// The `.rq` files of `directory`; none if it is `nil` or cannot be read.
    package init(directory: String?) {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            self.init(entries: [])
            return
        }
        var entries: [Entry] = []
        for file in names where file.hasSuffix(".rq") {
            guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { continue }
            entries.append(Entry(name: String(file.dropLast(3)), text: text))
        }
        self.init(entries: entries)
    }

    /// The query called `name` (with or without `.rq`).
    package func query(named name: String) -> String? {
        let bare = name.hasSuffix(".rq") ? String(name.dropLast(3)) : name
        return entries.first { $0.name == bare }?.text
    }
}
