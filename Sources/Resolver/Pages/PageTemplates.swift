/// The page templates (swift-mustache; `{{x}}` escapes HTML, and no template uses the unescaped `{{{x}}}` form).
/// Kept as Swift strings so the binary needs no resource files; the CSS is `PageStyle.css`, served at `/assets/page.css`
/// (the Content-Security-Policy allows no inline style), and nothing loads from elsewhere.
enum PageTemplates {
    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Lodestar</title>
        <link rel="stylesheet" href="/assets/page.css">
        </head>
        <body>
        <header class="bar"><a href="{{namespaceHref}}">Lodestar · {{namespaceName}}</a></header>

        """

    static let foot = """
        <footer class="meta foot">Served by Lodestar</footer>
        </body>
        </html>

        """

    static let formats = """
        <section>
        <h2>This data as</h2>
        <ul class="links">{{#formats}}<li><a rel="alternate" type="{{mediaType}}" href="{{href}}">{{label}}</a> <small>{{mediaType}}</small></li>{{/formats}}</ul>
        {{#sparqlHref}}<p><a href="{{sparqlHref}}">The same data through SPARQL</a></p>{{/sparqlHref}}
        </section>
        """

    static let resource = """
        {{> head}}
        <main>
        <article>
        <h1>{{title}}</h1>
        <p>{{#identifier}}<span class="badge id">{{identifier}}</span>{{/identifier}}{{#types}}<span class="badge">{{.}}</span>{{/types}}</p>
        <p class="meta">{{iri}}</p>
        {{#deprecated}}
        <div class="deprecated" role="note"><strong>Deprecated.</strong> This PURI still resolves, but it is no longer in use.
        {{#replacements}}Replaced by <a class="replacement" href="{{href}}">{{label}}</a>. {{/replacements}}</div>
        {{/deprecated}}
        {{#hasDefinition}}<h2>Definition</h2>{{/hasDefinition}}
        <div class="definition">
        {{#definition}}{{#heading}}<h3>{{heading}}</h3>{{/heading}}{{#paragraphs}}<p>{{#lines}}{{.}}<br>{{/lines}}</p>{{/paragraphs}}{{/definition}}
        </div>
        {{#members}}
        <h2>Building blocks in this view <small>({{count}})</small></h2>
        <ul class="links columns members">{{#links}}<li><a href="{{href}}">{{label}}</a>{{#note}} <small>{{note}}</small>{{/note}}</li>{{/links}}</ul>
        {{/members}}
        {{#hasRelations}}<h2>ArchiMate relations</h2>{{/hasRelations}}
        {{#relations}}
        <h3>{{type}}</h3>
        <ul class="links">{{#outgoing}}<li>→ <a href="{{href}}">{{label}}</a>{{#note}} <small>{{note}}</small>{{/note}}</li>{{/outgoing}}{{#incoming}}<li>← <a href="{{href}}">{{label}}</a>{{#note}} <small>{{note}}</small>{{/note}}</li>{{/incoming}}</ul>
        {{/relations}}
        <h2>All statements</h2>
        <details><summary>Every triple about this PURI, by graph</summary>
        {{#statements}}
        <h3>{{graph}}</h3>
        <table>{{#rows}}<tr><td>{{#predicate}}<a href="{{href}}">{{label}}</a>{{/predicate}}</td><td>{{#object}}<a href="{{href}}">{{label}}</a>{{/object}}{{text}}</td></tr>{{/rows}}</table>
        {{/statements}}
        </details>
        </article>
        <aside>
        {{#groups}}
        <section class="group">
        <h2>{{title}} <small>({{count}})</small></h2>
        <ul class="links">{{#links}}<li><a href="{{href}}">{{label}}</a>{{#note}} <small>{{note}}</small>{{/note}}</li>{{/links}}</ul>
        </section>
        {{/groups}}
        {{> formats}}
        </aside>
        </main>
        {{> foot}}
        """

    static let namespace = """
        {{> head}}
        <main>
        <article>
        <h1>{{title}}</h1>
        <p class="meta">{{iri}} · {{puriCount}} PURIs</p>
        <h2>Views</h2>
        <ul class="links">{{#views}}<li><a href="{{href}}">{{label}}</a> <small>{{count}} building blocks</small></li>{{/views}}</ul>
        <h2>Every PURI</h2>
        <ul class="links columns">{{#puris}}<li><a href="{{href}}">{{label}}</a>{{#note}} <small>{{note}}</small>{{/note}}{{#deprecated}} <small>(deprecated)</small>{{/deprecated}}</li>{{/puris}}</ul>
        </article>
        <aside>
        {{> formats}}
        </aside>
        </main>
        {{> foot}}
        """

    static let notFound = """
        {{> head}}
        <main>
        <article>
        <h1>Not found</h1>
        <p>Nothing is known about <code>{{iri}}</code>.</p>
        {{#hasSuggestions}}<h2>Did you mean</h2>{{/hasSuggestions}}
        <ul class="links suggestions">{{#suggestions}}<li><a href="{{href}}">{{label}}</a> <small>{{iri}}</small></li>{{/suggestions}}</ul>
        <p><a href="{{namespaceHref}}">Every PURI of {{namespaceName}}</a></p>
        </article>
        </main>
        {{> foot}}
        """
}
