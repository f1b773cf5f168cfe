import Catalogue
import Foundation
import HTTPTypes
import HummingbirdTesting
import RDF
import Server
import Testing

/// The view pages draw the EIRA diagrams as inline SVG, checked against a DOM reading of the v6.0.0 exchange file.
@Suite(.enabled(if: DiagramReference.isAvailable, "the EIRA ArchiMate files are not in $LODESTAR_SHARED/data/eira-archimate"))
struct DiagramPageTests {
    @Test func everyV6ViewDrawsEveryNodeAndEachBoxLinksToAPURIThatResolves() async throws {
        let reference = try DiagramReference(path: DiagramReference.v6)
        #expect(reference.diagrams.count == 14)
        try await TestServer.run(data: "") { client, store in
            // v4.0.0 draws several of the same views: the pages must draw the newest release.
            try await EIRAImporter.import(EIRADocument(file: DiagramReference.v4), into: store)
            try await EIRAImporter.import(EIRADocument(file: DiagramReference.v6), into: store)
            var hrefs: Set<String> = []
            for diagram in reference.diagrams {
                let page = try await client.get("/doc/dr8/\(diagram.viewLocal).html")
                try #require(page.status == .ok, "\(diagram.name): /doc/dr8/\(diagram.viewLocal).html is \(page.status)")
                let html = page.text
                let svg = try #require(Self.svg(in: html), "\(diagram.name) has no diagram")
                #expect(html.contains("EIRA 6.0.0:"), "\(diagram.name) draws another release")
                #expect(svg.components(separatedBy: "<g class=\"box").count - 1 == diagram.nodes.count, "\(diagram.name): boxes")
                #expect(svg.components(separatedBy: "<path class=\"relationship").count - 1 == diagram.connections, "\(diagram.name): lines")
                let titles = Set(Self.titles(in: svg))
                for node in diagram.nodes {
                    let text = escapedForPage(node.text)
                    #expect(titles.contains { $0 == text || $0.hasPrefix(text + " (") }, "\(diagram.name): node \(node.identifier) \"\(node.text)\"")
                    if let puri = node.puri {
                        let href = puri.replacingOccurrences(of: "http://data.europa.eu", with: "")
                        #expect(svg.contains("<a href=\"\(href)\">"), "\(diagram.name): no link to \(puri)")
                        hrefs.insert(href)
                    }
                }
                // The list stays below the drawing, for screen readers.
                let list = try #require(html.range(of: "<ul class=\"links columns members\">"), "\(diagram.name) lists no members")
                #expect(html.range(of: "</svg>")!.upperBound <= list.lowerBound)
            }
            #expect(hrefs.count > 300)
            // Access lines show the way the data goes, as Archi draws them: the REST API viewpoint's one Read access has
            // its arrow at the accessor (the line's start), its Write accesses at the object (the end).
            let rest = try #require(Self.svg(in: try await client.get("/doc/dr8/view/RESTAPIViewpoint.html").text))
            let access = rest.components(separatedBy: "<path class=\"relationship dotted\"").dropFirst().map { $0.prefix { $0 != ">" } }
            #expect(access.filter { $0.contains("marker-start=\"url(#arrow-open)\"") && !$0.contains("marker-end") }.count == 1)
            #expect(access.filter { $0.contains("marker-end=\"url(#arrow-open)\"") && !$0.contains("marker-start") }.count >= 1)
            #expect(access.allSatisfy { $0.contains("marker-") })
            for href in hrefs.sorted() {
                let puri = try await client.get(href, accept: "text/html")
                #expect(puri.status == .seeOther, "\(href) is \(puri.status)")
                let location = try #require(puri.headers[.location], "\(href) has no Location")
                let path = location.replacingOccurrences(of: TestServer.configuration().publicBaseURL, with: "")
                #expect(try await client.get(path, accept: "text/html").status == .ok, "\(href) → \(path)")
            }
        }
    }

    /// The inline `<svg>…</svg>` of a page.
    static func svg(in html: String) -> String? {
        guard let start = html.range(of: "<svg "), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The texts of the `<title>` elements of the boxes (whitespace collapsed).
    static func titles(in svg: String) -> [String] {
        svg.components(separatedBy: "<g class=\"box").dropFirst().compactMap { box in
            guard let start = box.range(of: "<title>"), let end = box.range(of: "</title>") else { return nil }
            return collapsingWhitespace(String(box[start.upperBound..<end.lowerBound]))
        }
    }
}
