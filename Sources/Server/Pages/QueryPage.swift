/// The HTML query page of bare `GET /sparql` for browsers: an editor with the usual prefixes, the named example
/// queries, a run button, a results table with IRIs as links, and download links in every format. Everything is in
/// this one page (inline style and script): nothing is fetched from elsewhere.
package enum QueryPage {
    /// The prefixes the editor starts with.
    static let prefixes: [(String, String)] = [
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"), ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("owl", "http://www.w3.org/2002/07/owl#"), ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"), ("dct", "http://purl.org/dc/terms/"),
        ("dcat", "http://www.w3.org/ns/dcat#"), ("adms", "http://www.w3.org/ns/adms#"), ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("dr8", "http://data.europa.eu/dr8/"),
    ]

    /// The download formats: `?format=` name and label.
    static let downloads: [(String, String)] = [
        ("json", "JSON"), ("xml", "XML"), ("csv", "CSV"), ("tsv", "TSV"), ("ttl", "Turtle"), ("nt", "N-Triples"),
        ("nq", "N-Quads"), ("trig", "TriG"), ("rdf", "RDF/XML"), ("jsonld", "JSON-LD"),
    ]

    /// The page.
    /// - Parameters:
    ///   - endpoint: the query endpoint's path (`/sparql`), where the page sends queries.
    ///   - examples: the named queries offered as examples.
    ///   - quads: the store's size, shown in the header.
    package static func render(endpoint: String, examples: [NamedQueries.Entry], quads: Int) -> String {
        let prologue = prefixes.map { "PREFIX \($0.0): <\($0.1)>" }.joined(separator: "\n")
        let initial = prologue + "\n\nSELECT ?s ?p ?o\nWHERE {\n  ?s ?p ?o\n}\nLIMIT 25\n"
        let options = examples.map { "<option value=\"\(HTML.escape($0.name))\">\(HTML.escape($0.name))</option>" }.joined()
        let exampleJSON = "{" + examples.map { "\(HTML.jsonString($0.name)):\(HTML.jsonString($0.text))" }.joined(separator: ",") + "}"
        let downloadLinks = downloads.map { "<a data-format=\"\($0.0)\" href=\"#\">\($0.1)</a>" }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Lodestar SPARQL endpoint</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1f24; }
            h1 { font-size: 1.4rem; margin: 0 0 .2rem; }
            .meta { color: #57606a; margin-bottom: 1rem; }
            textarea { width: 100%; height: 18rem; font-family: ui-monospace, monospace; font-size: .9rem; box-sizing: border-box; }
            .bar { display: flex; gap: .6rem; align-items: center; margin: .5rem 0; flex-wrap: wrap; }
            button { padding: .35rem 1.2rem; font-size: 1rem; }
            #status { color: #57606a; }
            #status.error { color: #b42318; white-space: pre-wrap; }
            table { border-collapse: collapse; margin-top: .8rem; font-size: .9rem; }
            th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            pre#graph { background: #f6f8fa; padding: .8rem; overflow: auto; }
            .literal-meta { color: #57606a; font-size: .8rem; }
            .downloads a { margin-right: .4rem; }
            </style>
            </head>
            <body>
            <h1>Lodestar SPARQL endpoint</h1>
            <div class="meta">\(quads) quads &middot; SPARQL 1.1 Query at <code>\(HTML.escape(endpoint))</code> &middot;
            <a href="\(HTML.escape(endpoint))?format=ttl">service description</a></div>
            <form id="form" method="get" action="\(HTML.escape(endpoint))">
            <div class="bar">
            <label>Example: <select id="examples"><option value="">(choose)</option>\(options)</select></label>
            </div>
            <textarea id="query" name="query" spellcheck="false">\(HTML.escape(initial))</textarea>
            <div class="bar">
            <button id="run" type="submit">Run</button>
            <span id="status"></span>
            </div>
            <div class="bar downloads">Download: \(downloadLinks)</div>
            </form>
            <div id="results"></div>
            <script type="application/json" id="example-queries">\(exampleJSON)</script>
            <script>
            (function () {
              var endpoint = \(HTML.jsonString(endpoint));
              var examples = JSON.parse(document.getElementById("example-queries").textContent);
              var query = document.getElementById("query");
              var status = document.getElementById("status");
              var results = document.getElementById("results");
              var prologue = \(HTML.jsonString(prologue));
              document.getElementById("examples").addEventListener("change", function (event) {
                var text = examples[event.target.value];
                if (text !== undefined) { query.value = /PREFIX/i.test(text) ? text : prologue + "\\n\\n" + text; }
              });
              document.querySelectorAll(".downloads a").forEach(function (link) {
                link.addEventListener("click", function (event) {
                  event.preventDefault();
                  window.location = endpoint + "?query=" + encodeURIComponent(query.value) + "&format=" + link.dataset.format;
                });
              });
              function cell(term) {
                var td = document.createElement("td");
                if (!term) { return td; }
                if (term.type === "uri") {
                  var a = document.createElement("a");
                  a.href = term.value; a.textContent = term.value; td.appendChild(a);
                } else if (term.type === "bnode") {
                  td.textContent = "_:" + term.value;
                } else {
                  td.appendChild(document.createTextNode(term.value));
                  var meta = "";
                  if (term["xml:lang"]) { meta = "@" + term["xml:lang"]; }
                  else if (term.datatype) { meta = "^^" + term.datatype.replace("http://www.w3.org/2001/XMLSchema#", "xsd:"); }
                  if (meta) {
                    var span = document.createElement("span");
                    span.className = "literal-meta"; span.textContent = " " + meta; td.appendChild(span);
                  }
                }
                return td;
              }
              function show(json) {
                results.innerHTML = "";
                if (json.boolean !== undefined) { results.textContent = "ASK: " + json.boolean; return; }
                var table = document.createElement("table");
                var head = table.insertRow();
                json.head.vars.forEach(function (name) { var th = document.createElement("th"); th.textContent = "?" + name; head.appendChild(th); });
                json.results.bindings.forEach(function (binding) {
                  var row = table.insertRow();
                  json.head.vars.forEach(function (name) { row.appendChild(cell(binding[name])); });
                });
                results.appendChild(table);
                status.textContent = json.results.bindings.length + " rows in " + ((performance.now() - started) / 1000).toFixed(3) + " s";
              }
              var started = 0;
              document.getElementById("form").addEventListener("submit", function (event) {
                event.preventDefault();
                status.className = ""; status.textContent = "running…"; results.innerHTML = "";
                started = performance.now();
                fetch(endpoint, {
                  method: "POST",
                  headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
                  body: "query=" + encodeURIComponent(query.value)
                }).then(function (response) {
                  var type = response.headers.get("Content-Type") || "";
                  return response.text().then(function (text) {
                    if (!response.ok) { throw new Error(response.status + " " + response.statusText + ": " + text); }
                    if (type.indexOf("json") >= 0) { show(JSON.parse(text)); return; }
                    var pre = document.createElement("pre"); pre.id = "graph"; pre.textContent = text; results.appendChild(pre);
                    status.textContent = "done in " + ((performance.now() - started) / 1000).toFixed(3) + " s";
                  });
                }).catch(function (error) { status.className = "error"; status.textContent = error.message; });
              });
            })();
            </script>
            </body>
            </html>

            """
    }
}
