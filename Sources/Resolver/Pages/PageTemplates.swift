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
        <header class="bar"><a href="{{namespaceHref}}">Lodestar · {{namespaceName}}</a>
        <form class="search" action="/search" method="get" role="search"><input type="search" name="q" placeholder="Search building blocks and solutions" aria-label="Search"></form></header>

        """

    static let foot = """
        <footer class="meta foot">Served by Lodestar</footer>
        </body>
        </html>

        """

    /// A link to an IRI, or its label as text when the IRI must not be a link (`linked` false: a `javascript:` IRI).
    /// Every model passed here sets `linked`, so that mustache never finds an enclosing link's values instead.
    static let link = """
        {{#linked}}<a href="{{href}}">{{label}}</a>{{/linked}}{{^linked}}<span class="text-iri">{{label}}</span>{{/linked}}
        """

    /// A solution's description (ADMS-AP), inside `{{#solution}}`.
    static let solution = """
        <section class="solution">
        {{#description}}<h2>Description</h2><div class="definition"><p>{{description}}</p></div>{{/description}}
        <h2>About this solution</h2>
        <table>
        {{#hasPublishers}}<tr><td>Publisher</td><td>{{#publishers}}{{> link}} {{/publishers}}</td></tr>{{/hasPublishers}}
        {{#hasContacts}}<tr><td>Contact point</td><td>{{#contacts}}{{> link}}{{#email}} <a class="email" href="{{href}}">{{label}}</a>{{/email}} {{/contacts}}</td></tr>{{/hasContacts}}
        {{#hasImplements}}<tr><td>EIRA building blocks</td><td>{{#implements}}<span class="badge">{{> link}}{{#note}} <small>{{note}}</small>{{/note}}</span>{{/implements}}</td></tr>{{/hasImplements}}
        {{#hasKeywords}}<tr><td>Keywords</td><td>{{#keywords}}<span class="badge">{{.}}</span>{{/keywords}}</td></tr>{{/hasKeywords}}
        {{#hasThemes}}<tr><td>Themes</td><td>{{#themes}}{{> link}} {{/themes}}</td></tr>{{/hasThemes}}
        {{#hasLandingPages}}<tr><td>Landing page</td><td>{{#landingPages}}<a class="external" rel="nofollow" href="{{href}}">{{label}}</a> {{/landingPages}}</td></tr>{{/hasLandingPages}}
        </table>
        {{#hasReleases}}<h2>Releases</h2>{{/hasReleases}}
        <ul class="links releases">{{#releases}}<li>{{> link}}</li>{{/releases}}</ul>
        {{#hasDistributions}}<h2>Distributions</h2>{{/hasDistributions}}
        <ul class="links distributions">{{#distributions}}<li>{{> link}}{{#format}} <small>{{format}}</small>{{/format}}{{#licences}} <small>· licence: {{> link}}</small>{{/licences}}{{#downloads}} <br>{{#plain}}<span class="text-iri">{{label}}</span>{{/plain}}{{^plain}}<a class="download" rel="nofollow" href="{{href}}">{{label}}</a>{{/plain}}{{/downloads}}</li>{{/distributions}}</ul>
        </section>
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
        <main{{#diagram}} class="wide"{{/diagram}}>
        <header class="title">
        <h1>{{title}}</h1>
        <p>{{#identifier}}<span class="badge id">{{identifier}}</span>{{/identifier}}{{#types}}<span class="badge">{{> link}}</span>{{/types}}</p>
        <p class="meta">{{iri}}{{#external}} · <a class="external" rel="nofollow" href="{{external}}">open this address</a>{{/external}}</p>
        </header>
        {{#diagram}}{{> diagram}}{{/diagram}}
        <article>
        {{#deprecated}}
        <div class="deprecated" role="note">{{#replaced}}<strong>Replaced.</strong> This PURI still resolves, but a later release replaced it.{{/replaced}}{{^replaced}}<strong>Deprecated.</strong> This PURI still resolves, but it is no longer in use.{{/replaced}}
        {{#replacements}}Replaced by {{#linked}}<a class="replacement" href="{{href}}">{{label}} <code>{{puri}}</code></a>{{/linked}}{{^linked}}{{label}} <code>{{puri}}</code>{{/linked}}. {{/replacements}}</div>
        {{/deprecated}}
        {{#eiraForm}}<div class="deprecated" role="note">Another name of the EIRA building block {{#linked}}<a class="replacement" href="{{href}}">{{label}} <code>{{puri}}</code></a>{{/linked}}{{^linked}}{{label}} <code>{{puri}}</code>{{/linked}}.</div>{{/eiraForm}}
        {{#hasDefinition}}<h2>Definition</h2>{{/hasDefinition}}
        <div class="definition">
        {{#definition}}{{#heading}}<h3>{{heading}}</h3>{{/heading}}{{#paragraphs}}<p>{{#lines}}{{.}}<br>{{/lines}}</p>{{/paragraphs}}{{/definition}}
        </div>
        {{#solution}}{{> solution}}{{/solution}}
        {{#implementations}}
        <h2>Solutions implementing this building block <small>({{count}})</small></h2>
        <ul class="links implementations">{{#links}}<li>{{> link}}{{#publishers}} <small>· {{> link}}</small>{{/publishers}}</li>{{/links}}</ul>
        {{/implementations}}
        {{#members}}
        <h2>Building blocks in this view <small>({{count}}; {{implemented}} with solutions)</small></h2>
        <ul class="links columns members">{{#links}}<li>{{> link}}{{#note}} <small>{{note}}</small>{{/note}}{{#solutions}} <small class="solutions">· {{solutions}}</small>{{/solutions}}</li>{{/links}}</ul>
        {{/members}}
        {{#hasRelations}}<h2>ArchiMate relations</h2>{{/hasRelations}}
        {{#relations}}
        <h3>{{type}}</h3>
        <ul class="links">{{#outgoing}}<li>→ {{> link}}{{#note}} <small>{{note}}</small>{{/note}}</li>{{/outgoing}}{{#incoming}}<li>← {{> link}}{{#note}} <small>{{note}}</small>{{/note}}</li>{{/incoming}}</ul>
        {{/relations}}
        <h2>All statements</h2>
        <details><summary>Every triple about this resource, by graph</summary>
        {{#statements}}
        <h3>{{#graph}}{{> link}}{{/graph}}</h3>
        <table>{{#rows}}<tr><td>{{#predicate}}{{> link}}{{/predicate}}</td><td>{{#object}}{{> link}}{{/object}}{{text}}</td></tr>{{/rows}}</table>
        {{/statements}}
        </details>
        </article>
        <aside>
        {{#harvests}}
        <section class="harvest">
        <h2>Harvested</h2>
        <p>From the source <a href="{{href}}">{{name}}</a>{{#when}}, last on {{when}}{{/when}}.</p>
        <p><small>Graph: {{#graph}}{{> link}}{{/graph}}</small></p>
        </section>
        {{/harvests}}
        {{#groups}}
        <section class="group">
        <h2>{{title}} <small>({{count}})</small></h2>
        <ul class="links">{{#links}}<li>{{> link}}{{#note}} <small>{{note}}</small>{{/note}}</li>{{/links}}</ul>
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
        <ul class="links">{{#views}}<li>{{> link}} <small>{{count}} building blocks</small></li>{{/views}}</ul>
        <h2>Every PURI</h2>
        <ul class="links columns">{{#puris}}<li>{{> link}}{{#note}} <small>{{note}}</small>{{/note}}{{#deprecated}} <small>(deprecated)</small>{{/deprecated}}</li>{{/puris}}</ul>
        </article>
        <aside>
        {{> formats}}
        </aside>
        </main>
        {{> foot}}
        """

    static let search = """
        {{> head}}
        <main>
        <article>
        <h1>Search</h1>
        <form action="/search" method="get" role="search">
        <p><input type="search" name="q" value="{{query}}" aria-label="Search text" size="40">
        <select name="type" aria-label="Kind"><option value="">Everything</option>{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/types}}</select>
        <button type="submit">Search</button></p>
        <p><small>Every word must occur; end a word with * to match its prefix (<code>interop*</code>). Case and accents do not matter.</small></p>
        </form>
        {{#hasQuery}}<p class="meta">{{^more}}{{resultCount}}{{/more}}{{#more}}The best {{resultCount}}{{/more}} for <q>{{query}}</q>{{#more}}; more match: add words to narrow it down{{/more}}</p>{{/hasQuery}}
        <ol class="links results">{{#results}}<li>{{> link}}{{#types}} <span class="badge">{{> link}}</span>{{/types}}<br><small>{{field}}{{#language}} @{{language}}{{/language}}:</small> <span class="snippet">{{#parts}}{{#match}}<mark>{{text}}</mark>{{/match}}{{^match}}{{text}}{{/match}}{{/parts}}</span></li>{{/results}}</ol>
        </article>
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
        <ul class="links suggestions">{{#suggestions}}<li>{{> link}} <small>{{iri}}</small></li>{{/suggestions}}</ul>
        <p><a href="{{namespaceHref}}">Every PURI of {{namespaceName}}</a></p>
        </article>
        </main>
        {{> foot}}
        """
}
