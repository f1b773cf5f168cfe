extension PageTemplates {
    /// A view's diagram as inline SVG (values from `DiagramSVG`), inside `{{#diagram}}`. Shapes take their colours from
    /// presentation attributes (`fill=`), which the Content-Security-Policy allows, unlike `style=`; line styles and
    /// fonts come from `page.css`. The checkbox switches between fitting the page and the diagram's own size, with no
    /// script. Markers follow ArchiMate: diamonds for composition and aggregation, a dot for assignment, hollow
    /// triangles for realization and specialization, open and filled arrowheads.
    static let diagram = """
        <section class="diagram" aria-labelledby="diagram-heading">
        <h2 id="diagram-heading">Diagram <small>(EIRA {{release}}: {{boxCount}} elements, {{lineCount}} relationships)</small></h2>
        <input type="checkbox" id="diagram-full" class="diagram-full"><label for="diagram-full">Show at full size</label>
        <div class="diagram-frame">
        <svg xmlns="http://www.w3.org/2000/svg" class="archimate" viewBox="{{viewBox}}" width="{{width}}" height="{{height}}" role="group" aria-labelledby="diagram-title">
        <title id="diagram-title">{{title}}</title>
        <defs>
        <marker id="diamond-filled" viewBox="0 0 16 10" refX="16" refY="5" markerWidth="16" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,5 L8,0 L16,5 L8,10 z" fill="#000000"/></marker>
        <marker id="diamond-hollow" viewBox="0 0 16 10" refX="16" refY="5" markerWidth="16" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0.5,5 L8,0.5 L15.5,5 L8,9.5 z" fill="#ffffff" stroke="#000000"/></marker>
        <marker id="dot" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><circle cx="5" cy="5" r="3.5" fill="#000000"/></marker>
        <marker id="arrow-filled" viewBox="0 0 12 10" refX="12" refY="5" markerWidth="12" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L12,5 L0,10 z" fill="#000000"/></marker>
        <marker id="arrow-open" viewBox="0 0 12 10" refX="12" refY="5" markerWidth="12" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0.5,0.5 L11.5,5 L0.5,9.5" fill="none" stroke="#000000"/></marker>
        <marker id="triangle-hollow" viewBox="0 0 14 12" refX="14" refY="6" markerWidth="14" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0.5,0.5 L13.5,6 L0.5,11.5 z" fill="#ffffff" stroke="#000000"/></marker>
        </defs>
        {{#nodes}}{{#linked}}<a href="{{href}}">{{/linked}}<g class="{{class}}"><title>{{tooltip}}</title>{{#rect}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" rx="{{rx}}" fill="{{fill}}" stroke="{{stroke}}"/>{{/rect}}{{#polygon}}<polygon points="{{points}}" fill="{{fill}}" stroke="{{stroke}}"/>{{/polygon}}{{#circle}}<circle cx="{{cx}}" cy="{{cy}}" r="{{r}}" fill="{{fill}}" stroke="{{stroke}}"/>{{/circle}}{{#icons}}<path class="icon" d="{{d}}"/>{{/icons}}<text text-anchor="{{anchor}}">{{#lines}}<tspan x="{{x}}" y="{{y}}">{{text}}</tspan>{{/lines}}</text></g>{{#linked}}</a>{{/linked}}
        {{/nodes}}
        {{#connections}}<path class="relationship {{style}}" d="{{d}}" stroke="{{stroke}}"{{#start}} marker-start="url(#{{start}})"{{/start}}{{#end}} marker-end="url(#{{end}})"{{/end}}><title>{{type}}</title></path>
        {{/connections}}
        </svg>
        </div>
        <p class="note">Each box links to its building block's page; the building blocks are also listed below.</p>
        </section>
        """
}
