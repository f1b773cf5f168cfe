import Resolver
import RDF
/// The `/dumps` listing, as JSON (for programs) or HTML (for people).
package enum DumpListing {
    /// `{"dumps": [{"url", "name", "graph", "format", "mediaType", "compressed", "size", "triples", "lastModified",
    /// "etag"}, …]}`; `size` is null until the file is first downloaded; `graph` is the graph's IRI, `"default"` or
    /// `null` for the whole store.
    package static func json(_ dumps: [DumpInfo], facts: CatalogueFacts) -> String {
        var entries: [String] = []
        for dump in dumps {
            let file = dump.file
            let fields: [(String, String)] = [
                ("url", HTML.jsonString(facts.url(of: file))),
                ("name", HTML.jsonString(file.dataset.name)),
                ("graph", graphField(file.dataset)),
                ("format", HTML.jsonString(file.format.fileExtension)),
                ("mediaType", HTML.jsonString(file.mediaType)),
                ("contentMediaType", HTML.jsonString(file.format.mediaType)),
                ("compressed", file.compressed ? "true" : "false"),
                ("size", dump.size.map(String.init) ?? "null"),
                ("triples", String(dump.triples)),
                ("lastModified", HTML.jsonString(HTTPDate.format(dump.lastModified))),
                ("etag", HTML.jsonString(dump.entityTag)),
            ]
            entries.append("    {" + fields.map { "\(HTML.jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}")
        }
        return "{\"dumps\": [\n" + entries.joined(separator: ",\n") + "\n]}\n"
    }

    /// A table of the same entries, with links.
    package static func html(_ dumps: [DumpInfo], facts: CatalogueFacts) -> String {
        var rows = ""
        for dump in dumps {
            let url = facts.url(of: dump.file)
            let graph: String
            switch dump.file.dataset {
            case .all: graph = "all graphs"
            case .graph(.defaultGraph): graph = "default graph"
            case .graph(let name): graph = name.term?.description ?? ""
            }
            rows += "<tr><td><a href=\"\(HTML.escape(url))\">\(HTML.escape(dump.file.fileName))</a></td><td>\(HTML.escape(graph))</td>"
            let size = dump.size.map(String.init) ?? "written when first downloaded"
            rows += "<td>\(HTML.escape(dump.file.mediaType))</td><td>\(size)</td><td>\(dump.triples)</td>"
            rows += "<td>\(HTML.escape(HTTPDate.format(dump.lastModified)))</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(facts.title)): dumps</title></head>
            <body><h1>\(HTML.escape(facts.title)): dumps</h1>
            <p>Described in <a href="/catalog">DCAT-AP</a> and <a href="/.well-known/void">VoID</a>;
            Turtle dumps of graphs are also paged with Hydra (<code>?page=1</code>).</p>
            <table><thead><tr><th>file</th><th>graph</th><th>type</th><th>bytes</th><th>triples</th><th>last modified</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></body></html>

            """
    }

    private static func graphField(_ dataset: DumpDataset) -> String {
        switch dataset {
        case .all: "null"
        case .graph(.defaultGraph): HTML.jsonString("default")
        case .graph(let graph): HTML.jsonString(graph.term.map { term in term.iri?.value ?? term.description } ?? "")
        }
    }
}
