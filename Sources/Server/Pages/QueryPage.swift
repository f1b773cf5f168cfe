/// The HTML query page of `GET /sparql` for browsers: a CodeMirror editor (SPARQL mode, bracket matching, prefix
/// completion), the named queries as examples, history kept in the browser, results as a sortable, paged table, and a
/// permalink (`/sparql?query=…` opens the page filled). The script and styles are files under `/assets/` (the
/// Content-Security-Policy allows nothing inline); the page passes its data to them as a JSON block.
package enum QueryPage {
    /// The prefixes the editor starts with.
    static let prefixes: [(String, String)] = [
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"), ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("owl", "http://www.w3.org/2002/07/owl#"), ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"), ("dct", "http://purl.org/dc/terms/"),
        ("dcat", "http://www.w3.org/ns/dcat#"), ("adms", "http://www.w3.org/ns/adms#"), ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("dr8", "http://data.europa.eu/dr8/"),
    ]

    /// Common prefixes (prefix.cc's most used) offered for completion beside the store's own.
    static let commonPrefixes: [(String, String)] = [
        ("schema", "http://schema.org/"), ("dc", "http://purl.org/dc/elements/1.1/"), ("prov", "http://www.w3.org/ns/prov#"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"), ("org", "http://www.w3.org/ns/org#"), ("sh", "http://www.w3.org/ns/shacl#"),
        ("void", "http://rdfs.org/ns/void#"), ("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"), ("dbo", "http://dbpedia.org/ontology/"),
        ("dbr", "http://dbpedia.org/resource/"), ("wd", "http://www.wikidata.org/entity/"), ("wdt", "http://www.wikidata.org/prop/direct/"),
        ("sioc", "http://rdfs.org/sioc/ns#"), ("time", "http://www.w3.org/2006/time#"), ("qb", "http://purl.org/linked-data/cube#"),
        ("eli", "http://data.europa.eu/eli/ontology#"), ("locn", "http://www.w3.org/ns/locn#"), ("odrl", "http://www.w3.org/ns/odrl/2/"),
        ("doap", "http://usefulinc.com/ns/doap#"), ("sd", "http://www.w3.org/ns/sparql-service-description#"),
    ]

    /// The download formats: `?format=` name and label.
    static let downloads: [(String, String)] = [
        ("json", "JSON"), ("xml", "XML"), ("csv", "CSV"), ("tsv", "TSV"), ("ttl", "Turtle"), ("nt", "N-Triples"),
        ("nq", "N-Quads"), ("trig", "TriG"), ("rdf", "RDF/XML"), ("jsonld", "JSON-LD"),
    ]

    /// The CodeMirror files the page loads, from Debian's `libjs-codemirror` (served by `AssetRoutes`).
    static let editorScripts = [
        "lib/codemirror.js", "mode/sparql/sparql.js", "addon/edit/matchbrackets.js", "addon/edit/closebrackets.js",
        "addon/hint/show-hint.js",
    ]
    static let editorStyles = ["lib/codemirror.css", "addon/hint/show-hint.css"]

    /// The page.
    /// - Parameters:
    ///   - endpoint: the query endpoint's path (`/sparql`), where the page sends queries.
    ///   - examples: the named queries offered as examples.
    ///   - quads: the store's size, shown in the header.
    ///   - query: the query to open with (a permalink's), or `nil` for the starting one.
    ///   - storePrefixes: the store's namespaces, offered first for completion.
    ///   - pages: the served PURI namespaces as (name, base): their IRIs link to `/{name}/{local}`.
    package static func render(
        endpoint: String, examples: [NamedQueries.Entry], quads: Int, query: String? = nil, storePrefixes: [String: String] = [:],
        pages: [(name: String, base: String)] = []
    ) -> String {
        let prologue = prefixes.map { "PREFIX \($0.0): <\($0.1)>" }.joined(separator: "\n")
        let initial = query ?? prologue + "\n\nSELECT ?s ?p ?o\nWHERE {\n  ?s ?p ?o\n}\nLIMIT 25\n"
        var completion: [String: String] = [:]
        for (name, namespace) in commonPrefixes + prefixes { completion[name] = namespace }
        for (name, namespace) in storePrefixes { completion[name] = namespace }
        let options = examples.map { "<option value=\"\(HTML.escape($0.name))\">\(HTML.escape($0.name))</option>" }.joined()
        let downloadLinks = downloads.map { "<a data-format=\"\($0.0)\" href=\"#\">\($0.1)</a>" }.joined(separator: " ")
        let data =
            "{\"endpoint\":\(HTML.jsonString(endpoint)),\"prologue\":\(HTML.jsonString(prologue)),"
            + "\"examples\":{" + examples.map { "\(HTML.jsonString($0.name)):\(HTML.jsonString($0.text))" }.joined(separator: ",") + "},"
            + "\"prefixes\":{" + completion.sorted { $0.key < $1.key }.map { "\(HTML.jsonString($0.key)):\(HTML.jsonString($0.value))" }
                .joined(separator: ",") + "},"
            + "\"pages\":[" + pages.map { "[\(HTML.jsonString($0.base)),\(HTML.jsonString("/" + $0.name + "/"))]" }.joined(separator: ",") + "]}"
        let styles = (editorStyles.map { "/assets/codemirror/" + $0 } + ["/assets/query.css"])
            .map { "<link rel=\"stylesheet\" href=\"\($0)\">" }.joined(separator: "\n")
        let scripts = (editorScripts.map { "/assets/codemirror/" + $0 } + ["/assets/query.js"])
            .map { "<script src=\"\($0)\"></script>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Lodestar SPARQL endpoint</title>
            \(styles)
            </head>
            <body>
            <h1>Lodestar SPARQL endpoint</h1>
            <div class="meta">\(quads) quads &middot; SPARQL 1.1 Query at <code>\(HTML.escape(endpoint))</code> &middot;
            <a href="\(HTML.escape(endpoint))?format=ttl">service description</a></div>
            <form id="form" method="get" action="\(HTML.escape(endpoint))">
            <div class="bar">
            <label>Example: <select id="examples"><option value="">(choose)</option>\(options)</select></label>
            <label>History: <select id="history"><option value="">(none yet)</option></select></label>
            </div>
            <textarea id="query" name="query" spellcheck="false">\(HTML.escape(initial))</textarea>
            <div class="bar">
            <button id="run" type="submit" title="Ctrl-Enter">Run</button>
            <a id="permalink" href="#">Permalink</a>
            <span id="status"></span>
            </div>
            <div class="bar downloads">Download: \(downloadLinks)</div>
            </form>
            <div id="results"></div>
            <script type="application/json" id="page-data">\(data)</script>
            \(scripts)
            </body>
            </html>

            """
    }
}
