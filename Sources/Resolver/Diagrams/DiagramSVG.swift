import RDF

/// The template values of a view's diagram drawn as inline SVG (`PageTemplates.diagram`): each box with its
/// ArchiMate colour and outline, its label wrapped to its width, and a link to its PURI page; each relationship in its
/// ArchiMate line style, with bend points, from box edge to box edge. Every text goes through the template, which
/// escapes it; numbers and colours are produced here.
struct DiagramSVG {
    let drawing: DiagramDrawing
    let links: PageLinks

    /// Diagram units per character of label text at the 12-unit font (an average; long words still break).
    static let characterWidth = 6.4
    static let lineHeight = 14.0
    static let padding = 12.0

    func model() -> [String: Any] {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func extend(_ x: Double, _ y: Double) { (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)) }
        for box in drawing.boxes {
            extend(box.x, box.y)
            extend(box.x + box.width, box.y + box.height)
        }
        for line in drawing.lines { for point in line.bendpoints { extend(point.x, point.y) } }
        if drawing.boxes.isEmpty { (minX, minY, maxX, maxY) = (0, 0, 100, 100) }
        let width = maxX - minX + 2 * Self.padding
        let height = maxY - minY + 2 * Self.padding
        return [
            "viewBox": [minX - Self.padding, minY - Self.padding, width, height].map(Self.format).joined(separator: " "),
            "width": Self.format(width), "height": Self.format(height),
            "title": drawing.title, "release": drawing.release,
            "boxCount": drawing.boxes.filter { $0.kind == .element }.count,
            "lineCount": drawing.lines.count,
            "nodes": drawing.boxes.map(node),
            "connections": drawing.lines.compactMap(connection),
        ]
    }

    private func node(_ box: DiagramDrawing.Box) -> [String: Any] {
        var node: [String: Any] = ["linked": false]
        let stroke = box.line ?? "#5c5c5c"
        switch box.kind {
        case .element:
            let fill = box.fill ?? ArchiMateNotation.fill(of: box.elementType)
            let typeName = box.elementType.map(ArchiMateNotation.typeName)
            node["class"] = "box element"
            node["tooltip"] = typeName.map { "\(box.label) (\($0))" } ?? box.label
            if let element = box.element, let href = links.href(element) {
                node["linked"] = true
                node["href"] = href
            }
            switch ArchiMateNotation.shape(of: box.elementType) {
            case .junction:
                node["circle"] = ["cx": Self.format(box.x + box.width / 2), "cy": Self.format(box.y + box.height / 2),
                    "r": Self.format(min(box.width, box.height) / 2), "fill": fill, "stroke": stroke]
                return node
            case .cutCorners:
                let cut = min(8, box.width / 4, box.height / 4)
                let (left, top, right, bottom) = (box.x, box.y, box.x + box.width, box.y + box.height)
                let corners = [(left + cut, top), (right - cut, top), (right, top + cut), (right, bottom - cut), (right - cut, bottom),
                    (left + cut, bottom), (left, bottom - cut), (left, top + cut)]
                node["polygon"] = ["points": corners.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " "),
                    "fill": fill, "stroke": stroke]
            case .rounded: node["rect"] = rect(box, fill: fill, stroke: stroke, radius: min(10, box.height / 4))
            case .square: node["rect"] = rect(box, fill: fill, stroke: stroke, radius: 0)
            case .grouping:
                // A group: a dashed outline, its name at the top left, and no icon.
                node["class"] = "box grouping"
                node["rect"] = rect(box, fill: box.fill ?? "#ffffff", stroke: stroke, radius: 0)
                node["lines"] = text(box, centred: false)
                node["anchor"] = "start"
                return node
            }
            var decorations: [[String: String]] = []
            if ArchiMateNotation.hasBand(box.elementType), box.height > 24 {
                decorations.append(["d": "M\(Self.format(box.x)),\(Self.format(box.y + 10)) h\(Self.format(box.width))"])
            }
            if box.width > 60, box.height > 24,
                let icon = ArchiMateNotation.icon(of: box.elementType, right: box.x + box.width, top: box.y)
            {
                decorations.append(["d": icon])
            }
            node["icons"] = decorations
            node["lines"] = text(box, centred: true, below: ArchiMateNotation.hasBand(box.elementType) ? 10 : 0)
            node["anchor"] = "middle"
        case .container, .note:
            node["class"] = box.kind == .note ? "box note" : "box group"
            node["tooltip"] = box.label
            node["rect"] = rect(box, fill: box.fill ?? "#ffffff", stroke: stroke, radius: 0)
            node["lines"] = text(box, centred: false)
            node["anchor"] = "start"
        }
        return node
    }

    private func rect(_ box: DiagramDrawing.Box, fill: String, stroke: String, radius: Double) -> [String: Any] {
        ["x": Self.format(box.x), "y": Self.format(box.y), "width": Self.format(box.width), "height": Self.format(box.height),
            "rx": Self.format(radius), "fill": fill, "stroke": stroke]
    }

    /// The label as lines that fit the box, the last cut with "…" when they do not all fit.
    /// `below` is the height of a band the text starts under.
    private func text(_ box: DiagramDrawing.Box, centred: Bool, below: Double = 0) -> [[String: String]] {
        let lines = Self.wrap(box.label, width: box.width - 10, maxLines: max(1, Int((box.height - 6 - below) / Self.lineHeight)))
        let x = centred ? box.x + box.width / 2 : box.x + 6
        return lines.enumerated().map { index, line in
            ["x": Self.format(x), "y": Self.format(box.y + below + 16 + Double(index) * Self.lineHeight), "text": line]
        }
    }

    /// Greedy word wrap at `width` diagram units; words longer than a line are broken.
    static func wrap(_ text: String, width: Double, maxLines: Int) -> [String] {
        let perLine = max(3, Int(width / characterWidth))
        var lines: [String] = []
        for paragraph in text.split(whereSeparator: \.isNewline) {
            var current = ""
            for word in paragraph.split(whereSeparator: \.isWhitespace) {
                var word = Substring(word)
                while word.count > perLine {
                    if !current.isEmpty { lines.append(current); current = "" }
                    lines.append(String(word.prefix(perLine)))
                    word = word.dropFirst(perLine)
                }
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= perLine {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            if !current.isEmpty { lines.append(current) }
        }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = (last.count >= perLine ? String(last.prefix(perLine - 1)) : last) + "…"
        return kept
    }

    private func connection(_ line: DiagramDrawing.Line) -> [String: Any]? {
        let source = drawing.boxes[line.source]
        let target = drawing.boxes[line.target]
        let sourceCentre = (x: source.x + source.width / 2, y: source.y + source.height / 2)
        let targetCentre = (x: target.x + target.width / 2, y: target.y + target.height / 2)
        let first = line.bendpoints.first ?? targetCentre
        let last = line.bendpoints.last ?? sourceCentre
        let start = Self.edgePoint(of: source, towards: first)
        let end = Self.edgePoint(of: target, towards: last)
        let points = [start] + line.bendpoints + [end]
        let (style, startMarker, endMarker) = ArchiMateNotation.line(of: line.relationship, access: line.accessType)
        var values: [String: Any] = [
            "d": points.enumerated().map { ($0.offset == 0 ? "M" : "L") + Self.format($0.element.x) + "," + Self.format($0.element.y) }
                .joined(separator: " "),
            "style": style, "stroke": line.color ?? "#000000",
            "type": line.relationship.map { ArchiMateNotation.typeName($0.prefix(1).uppercased() + $0.dropFirst()) } ?? "Line",
        ]
        if let startMarker { values["start"] = startMarker }
        if let endMarker { values["end"] = endMarker }
        return values
    }

    /// Where the line from the box's centre towards `point` leaves the box (Archi's chopbox anchor); the centre
    /// itself when `point` lies inside the box.
    static func edgePoint(of box: DiagramDrawing.Box, towards point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let centre = (x: box.x + box.width / 2, y: box.y + box.height / 2)
        let dx = point.x - centre.x
        let dy = point.y - centre.y
        let tx = dx == 0 ? Double.infinity : (box.width / 2) / abs(dx)
        let ty = dy == 0 ? Double.infinity : (box.height / 2) / abs(dy)
        let t = min(tx, ty)
        guard t < 1 else { return centre }
        return (centre.x + t * dx, centre.y + t * dy)
    }

    /// A coordinate with at most one decimal.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
