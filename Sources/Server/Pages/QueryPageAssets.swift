/// The query page's script and stylesheet, served at `/assets/query.js` and `/assets/query.css`. Kept as Swift
/// strings so the binary needs no resource files.
package enum QueryPageAssets {
    package static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1f24; }
        h1 { font-size: 1.4rem; margin: 0 0 .2rem; }
        .meta { color: #57606a; margin-bottom: 1rem; }
        textarea#query { width: 100%; height: 18rem; font-family: ui-monospace, monospace; font-size: .9rem; box-sizing: border-box; }
        .CodeMirror { border: 1px solid #d0d7de; height: 20rem; font-size: .9rem; }
        .CodeMirror .error-line { background: #fde8e6; }
        .CodeMirror .error-mark { text-decoration: underline wavy #b42318; }
        .bar { display: flex; gap: .8rem; align-items: center; margin: .5rem 0; flex-wrap: wrap; }
        button { padding: .35rem 1.2rem; font-size: 1rem; }
        #status { color: #57606a; }
        #status.error { color: #b42318; white-space: pre-wrap; }
        table { border-collapse: collapse; margin-top: .8rem; font-size: .9rem; }
        th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; cursor: pointer; user-select: none; }
        th.asc::after { content: " ▲"; } th.desc::after { content: " ▼"; }
        pre#graph { background: #f6f8fa; padding: .8rem; overflow: auto; }
        .literal-meta { color: #57606a; font-size: .8rem; }
        .downloads a { margin-right: .4rem; }
        .pager { margin-top: .5rem; display: flex; gap: .6rem; align-items: center; }
        #history { max-width: 24rem; }

        """

    package static let script = #"""
        // Lodestar's query page: CodeMirror when it loaded (a plain textarea otherwise), results as a sortable, paged
        // table, history in localStorage, permalinks, errors marked at their line and column.
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("page-data").textContent);
          var textarea = document.getElementById("query");
          var status = document.getElementById("status");
          var results = document.getElementById("results");
          var pageSize = 100;
          var editor = null;
          var errorMarks = [];

          function text() { return editor ? editor.getValue() : textarea.value; }
          function setText(value) { if (editor) { editor.setValue(value); } else { textarea.value = value; } }

          // Prefix completion: after PREFIX, "name: <namespace>"; elsewhere "name:", declaring the prefix if missing.
          function prefixHint(cm) {
            var cursor = cm.getCursor();
            var line = cm.getLine(cursor.line);
            var start = cursor.ch;
            while (start > 0 && /[\w-]/.test(line.charAt(start - 1))) { start--; }
            var word = line.slice(start, cursor.ch).toLowerCase();
            var declaring = /^\s*prefix\s+[\w-]*$/i.test(line.slice(0, cursor.ch));
            var list = Object.keys(data.prefixes).filter(function (name) { return name.toLowerCase().indexOf(word) === 0; })
              .map(function (name) {
                var namespace = data.prefixes[name];
                return {
                  text: declaring ? name + ": <" + namespace + ">" : name + ":",
                  displayText: name + ": <" + namespace + ">",
                  hint: function (cm, self, completion) {
                    cm.replaceRange(completion.text, self.from, self.to);
                    if (!declaring && !new RegExp("prefix\\s+" + name + ":", "i").test(cm.getValue())) {
                      cm.replaceRange("PREFIX " + name + ": <" + namespace + ">\n", { line: 0, ch: 0 });
                    }
                  }
                };
              });
            return { list: list, from: { line: cursor.line, ch: start }, to: cursor };
          }

          if (window.CodeMirror) {
            editor = CodeMirror.fromTextArea(textarea, {
              mode: "application/sparql-query", lineNumbers: true, matchBrackets: true, autoCloseBrackets: true, indentUnit: 2,
              extraKeys: {
                "Ctrl-Enter": run, "Cmd-Enter": run,
                "Ctrl-Space": function (cm) { cm.showHint({ hint: prefixHint, completeSingle: false }); }
              }
            });
            editor.on("inputRead", function (cm, change) {
              if (!/^[\w-]$/.test(change.text.join(""))) { return; }
              var cursor = cm.getCursor();
              var before = cm.getLine(cursor.line).slice(0, cursor.ch);
              if (/^\s*prefix\s+[\w-]+$/i.test(before) || /(^|[\s({;,.\/^|])[a-z][\w-]+$/i.test(before) && !/\?[\w-]*$/.test(before)) {
                var hint = prefixHint(cm);
                if (hint.list.length > 0 && hint.list.length < 15) { cm.showHint({ hint: prefixHint, completeSingle: false }); }
              }
            });
            editor.on("change", clearErrors);
          } else {
            textarea.addEventListener("keydown", function (event) {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
            });
          }

          document.getElementById("examples").addEventListener("change", function (event) {
            var value = data.examples[event.target.value];
            if (value !== undefined) { setText(/PREFIX/i.test(value) ? value : data.prologue + "\n\n" + value); }
          });

          // History: the last 30 distinct queries run, newest first.
          var historySelect = document.getElementById("history");
          function loadHistory() { try { return JSON.parse(localStorage.getItem("lodestar.history") || "[]"); } catch (e) { return []; } }
          function showHistory() {
            var entries = loadHistory();
            historySelect.innerHTML = "";
            var first = document.createElement("option");
            first.value = ""; first.textContent = entries.length ? "(choose)" : "(none yet)";
            historySelect.appendChild(first);
            entries.forEach(function (query, index) {
              var option = document.createElement("option");
              option.value = String(index);
              option.textContent = query.replace(/^(\s*PREFIX[^\n]*\n)*/i, "").replace(/\s+/g, " ").trim().slice(0, 80);
              historySelect.appendChild(option);
            });
          }
          function remember(query) {
            var entries = loadHistory().filter(function (entry) { return entry !== query; });
            entries.unshift(query);
            try { localStorage.setItem("lodestar.history", JSON.stringify(entries.slice(0, 30))); } catch (e) { }
            showHistory();
          }
          historySelect.addEventListener("change", function () {
            var entries = loadHistory();
            if (historySelect.value !== "") { setText(entries[Number(historySelect.value)]); }
          });
          showHistory();

          function permalink() { return data.endpoint + "?query=" + encodeURIComponent(text()); }
          document.getElementById("permalink").addEventListener("click", function (event) {
            event.preventDefault();
            window.history.replaceState(null, "", permalink());
            status.className = ""; status.textContent = "the address bar now holds this query's permalink";
          });
          document.querySelectorAll(".downloads a").forEach(function (link) {
            link.addEventListener("click", function (event) {
              event.preventDefault();
              window.location = permalink() + "&format=" + link.dataset.format;
            });
          });

          // An IRI's page here: the PURI page for a served namespace, else the generic resource page.
          function pageFor(iri) {
            for (var i = 0; i < data.pages.length; i++) {
              var base = data.pages[i][0];
              if (iri.indexOf(base) === 0 && iri.length > base.length) { return data.pages[i][1] + iri.slice(base.length); }
            }
            return "/resource?iri=" + encodeURIComponent(iri);
          }

          function cell(term) {
            var td = document.createElement("td");
            if (!term) { return td; }
            if (term.type === "uri") {
              var a = document.createElement("a");
              a.href = pageFor(term.value); a.textContent = term.value; a.title = term.value; td.appendChild(a);
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

          function compareTerms(a, b) {
            if (!a || !b) { return a ? 1 : b ? -1 : 0; }
            var x = Number(a.value), y = Number(b.value);
            if (a.type === "literal" && b.type === "literal" && a.value !== "" && b.value !== "" && !isNaN(x) && !isNaN(y)) { return x - y; }
            return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
          }

          // SELECT results: a table sorted by a clicked column (again: the other way), pageSize rows a page.
          function showTable(json, seconds) {
            var vars = json.head.vars, rows = json.results.bindings.slice(), page = 0, sortVar = null, ascending = true;
            function render() {
              results.innerHTML = "";
              var table = document.createElement("table");
              table.id = "result-table";
              var head = table.createTHead().insertRow();
              vars.forEach(function (name) {
                var th = document.createElement("th");
                th.textContent = "?" + name;
                if (name === sortVar) { th.className = ascending ? "asc" : "desc"; }
                th.addEventListener("click", function () {
                  ascending = sortVar === name ? !ascending : true; sortVar = name;
                  rows.sort(function (a, b) { var order = compareTerms(a[name], b[name]); return ascending ? order : -order; });
                  page = 0; render();
                });
                head.appendChild(th);
              });
              var body = table.createTBody();
              rows.slice(page * pageSize, (page + 1) * pageSize).forEach(function (binding) {
                var row = body.insertRow();
                vars.forEach(function (name) { row.appendChild(cell(binding[name])); });
              });
              results.appendChild(table);
              var pages = Math.max(1, Math.ceil(rows.length / pageSize));
              if (pages > 1) {
                var pager = document.createElement("div");
                pager.className = "pager";
                var previous = document.createElement("button"), next = document.createElement("button"), where = document.createElement("span");
                previous.type = next.type = "button"; previous.textContent = "‹ Previous"; next.textContent = "Next ›";
                previous.disabled = page === 0; next.disabled = page >= pages - 1;
                previous.addEventListener("click", function () { page--; render(); });
                next.addEventListener("click", function () { page++; render(); });
                where.textContent = "page " + (page + 1) + " of " + pages;
                pager.appendChild(previous); pager.appendChild(where); pager.appendChild(next);
                results.appendChild(pager);
              }
            }
            render();
            status.textContent = rows.length + " rows in " + seconds + " s";
          }

          function clearErrors() {
            errorMarks.forEach(function (mark) { mark.clear ? mark.clear() : editor.removeLineClass(mark, "background", "error-line"); });
            errorMarks = [];
          }

          // "Syntax error at line L column C: …": mark the place and put the cursor there.
          function showError(message) {
            status.className = "error"; status.textContent = message;
            var at = /line (\d+),? column (\d+)/i.exec(message);
            if (!at || !editor) { return; }
            var line = Number(at[1]) - 1, ch = Number(at[2]) - 1;
            clearErrors();
            errorMarks.push(editor.addLineClass(line, "background", "error-line"));
            errorMarks.push(editor.markText({ line: line, ch: ch }, { line: line, ch: ch + 1 }, { className: "error-mark" }));
            editor.setCursor({ line: line, ch: ch });
            editor.focus();
          }

          function run() {
            var query = text(), started = performance.now();
            function elapsed() { return ((performance.now() - started) / 1000).toFixed(3); }
            status.className = ""; status.textContent = "running…"; results.innerHTML = "";
            remember(query);
            fetch(data.endpoint, {
              method: "POST",
              headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
              body: "query=" + encodeURIComponent(query)
            }).then(function (response) {
              var type = response.headers.get("Content-Type") || "";
              return response.text().then(function (body) {
                if (!response.ok) { showError(response.status + " " + response.statusText + ": " + body.trim()); return; }
                if (type.indexOf("json") >= 0) {
                  var json = JSON.parse(body);
                  if (json.boolean !== undefined) {
                    results.textContent = "ASK: " + json.boolean;
                    status.textContent = "done in " + elapsed() + " s";
                    return;
                  }
                  showTable(json, elapsed());
                  return;
                }
                var pre = document.createElement("pre"); pre.id = "graph"; pre.textContent = body; results.appendChild(pre);
                status.textContent = "done in " + elapsed() + " s";
              });
            }).catch(function (error) { showError(error.message); });
          }

          document.getElementById("form").addEventListener("submit", function (event) { event.preventDefault(); run(); });
          // A permalink ending in #run runs its query on opening.
          if (window.location.hash === "#run") { run(); }
        })();

        """#
}
