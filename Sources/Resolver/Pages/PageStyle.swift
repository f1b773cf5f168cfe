/// The stylesheet of the PURI pages, served at `/assets/page.css` (the pages' Content-Security-Policy allows no inline
/// style).
package enum PageStyle {
    package static let path = "/assets/page.css"

    package static let css = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #dfe3ea; --accent: #1f4e96; --soft: #f4f6fa; --warn: #8a3b00; --warnbg: #fff3e0; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        header.bar { background: var(--accent); color: #fff; padding: .6rem 1.25rem; }
        header.bar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; }
        header.bar a { color: #fff; text-decoration: none; font-weight: 600; }
        header.bar input { font: inherit; padding: .2rem .6rem; border-radius: 4px; border: 0; width: min(24rem, 80vw); }
        mark { background: #fff0a8; padding: 0 .1rem; }
        ol.results li { margin: 0 0 1rem; }
        .text-iri { color: var(--muted); }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 2rem; }
        @media (max-width: 56rem) { main { grid-template-columns: minmax(0, 1fr); } }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
        h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1rem; margin: 1rem 0 .3rem; color: var(--muted); }
        a { color: var(--accent); }
        .meta { color: var(--muted); font-size: .92rem; word-break: break-all; }
        .badge { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 999px; padding: .05rem .6rem; font-size: .85rem; margin: 0 .3rem .3rem 0; color: var(--ink); }
        .badge.id { background: var(--accent); color: #fff; border-color: var(--accent); }
        .deprecated { background: var(--warnbg); color: var(--warn); border-left: 4px solid var(--warn); padding: .75rem 1rem; margin: 1rem 0; border-radius: 4px; }
        .definition p { margin: .4rem 0 .8rem; max-width: 46rem; overflow-wrap: anywhere; }
        aside section { background: var(--soft); border-radius: 8px; padding: .8rem 1rem; margin-bottom: 1rem; }
        aside h2 { margin-top: 0; border: 0; font-size: 1rem; }
        ul.links { list-style: none; padding: 0; margin: 0; }
        ul.links li { padding: .2rem 0; }
        ul.columns { columns: 2 16rem; }
        small, .note { color: var(--muted); font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        td { border-top: 1px solid var(--line); padding: .3rem .4rem; vertical-align: top; word-break: break-word; }
        td:first-child { width: 30%; color: var(--muted); }
        details summary { cursor: pointer; color: var(--accent); }
        code { background: var(--soft); padding: .1rem .3rem; border-radius: 4px; }
        footer.foot { text-align: center; padding: 1rem; }
        main > header.title { grid-column: 1 / -1; }
        main.wide { max-width: 120rem; }
        section.diagram { grid-column: 1 / -1; }
        .diagram-frame { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        .diagram-frame svg { display: block; max-width: 100%; height: auto; }
        .diagram-full:checked ~ .diagram-frame svg { max-width: none; }
        .diagram-full { margin: 0 .4rem .6rem 0; }
        svg.archimate text { font: 12px "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif; fill: #000; }
        svg.archimate .group text, svg.archimate .grouping text { font-weight: 600; }
        svg.archimate .grouping rect { stroke-dasharray: 6 3; }
        svg.archimate .icon { fill: none; stroke: #000; stroke-width: 1; }
        svg.archimate a:hover rect, svg.archimate a:hover polygon, svg.archimate a:focus rect, svg.archimate a:focus polygon { stroke: var(--accent); stroke-width: 3; }
        svg.archimate .relationship { fill: none; stroke-width: 1.2; }
        svg.archimate .relationship.dashed { stroke-dasharray: 6 4; }
        svg.archimate .relationship.dotted { stroke-dasharray: 2 3; }
        svg.archimate .relationship.plain { stroke: #5c5c5c; }

        """
}
