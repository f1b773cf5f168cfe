/// How ArchiMate 3.1 draws its elements and relationships (The Open Group ArchiMate 3.1 Specification, Appendix A
/// and §5), with Archi's default layer colours: what `DiagramSVG` needs to make a diagram look as architects know it.
enum ArchiMateNotation {
    /// The outline of an element box: active structure and passive elements are square, behaviour is rounded, and
    /// motivation elements have cut corners; a junction is a dot.
    enum Shape { case square, rounded, cutCorners, junction, grouping }

    /// Archi's default fill of an element type (business yellow, application blue, technology green, motivation
    /// violet, strategy beige, implementation pink, …); white for anything unknown.
    static func fill(of type: String?) -> String {
        guard let type else { return "#ffffff" }
        if motivation.contains(type) { return "#ccccff" }
        if strategy.contains(type) { return "#f5deaa" }
        if ["WorkPackage", "Deliverable", "ImplementationEvent"].contains(type) { return "#ffe0e0" }
        if ["Plateau", "Gap"].contains(type) { return "#e0ffe0" }
        if type == "Location" { return "#fbb875" }
        if type.hasSuffix("Junction") { return type.hasPrefix("Or") ? "#ffffff" : "#000000" }
        if type == "Grouping" { return "#ffffff" }
        if type.hasPrefix("Business") || ["Contract", "Representation", "Product"].contains(type) { return "#ffffb5" }
        if type.hasPrefix("Application") || type == "DataObject" { return "#b5ffff" }
        if type.hasPrefix("Technology") || technology.contains(type) { return "#c9e7b7" }
        return "#ffffff"
    }

    static func shape(of type: String?) -> Shape {
        guard let type else { return .square }
        if type.hasSuffix("Junction") { return .junction }
        if type == "Grouping" { return .grouping }
        if motivation.contains(type) { return .cutCorners }
        let behaviour = ["Process", "Function", "Interaction", "Event", "Service"]
        if behaviour.contains(where: type.hasSuffix) || ["ValueStream", "Capability", "CourseOfAction", "WorkPackage"].contains(type) {
            return .rounded
        }
        return .square
    }

    /// The small type icon Archi draws in a box's top right corner, as SVG path data for a box whose top right corner
    /// is at (`right`, `top`); `nil` for types drawn without one here. Passive structure (objects, contracts) gets the
    /// band across its top instead, drawn by `band(of:)`.
    static func icon(of type: String?, right r: Double, top t: Double) -> String? {
        guard let type else { return nil }
        func f(_ value: Double) -> String { DiagramSVG.format(value) }
        if type.hasSuffix("Service") {
            return "M\(f(r - 18)),\(f(t + 5)) h8 a4.5,4.5 0 0 1 0,9 h-8 a4.5,4.5 0 0 1 0,-9 z"
        }
        if type.hasSuffix("Component") {
            return "M\(f(r - 16)),\(f(t + 4)) h10 v13 h-10 z M\(f(r - 19)),\(f(t + 7)) h6 v3 h-6 z M\(f(r - 19)),\(f(t + 12)) h6 v3 h-6 z"
        }
        if type.hasSuffix("Interface") {
            return "M\(f(r - 20)),\(f(t + 10)) h6 M\(f(r - 14)),\(f(t + 10)) a4.5,4.5 0 1 0 9,0 a4.5,4.5 0 1 0 -9,0"
        }
        if type.hasSuffix("Actor") || type == "Stakeholder" {
            return "M\(f(r - 13)),\(f(t + 4)) a2.5,2.5 0 1 0 0.1,0 M\(f(r - 13)),\(f(t + 9)) v6 M\(f(r - 17)),\(f(t + 11)) h8 M\(f(r - 17)),\(f(t + 20)) l4,-5 l4,5"
        }
        if type.hasSuffix("Process") {
            return "M\(f(r - 20)),\(f(t + 8)) h9 v-3 l6,5 l-6,5 v-3 h-9 z"
        }
        if type.hasSuffix("Function") {
            return "M\(f(r - 18)),\(f(t + 8)) l5,-4 l5,4 v9 l-5,-4 l-5,4 z"
        }
        if type.hasSuffix("Role") {
            return "M\(f(r - 18)),\(f(t + 5)) h9 a3,4.5 0 0 1 0,9 h-9 a3,4.5 0 0 1 0,-9 z M\(f(r - 9)),\(f(t + 5)) a3,4.5 0 0 0 0,9"
        }
        if type == "Node" || type == "Device" || type == "Facility" || type == "Equipment" {
            return "M\(f(r - 19)),\(f(t + 8)) h11 v9 h-11 z l3,-3 h11 l-3,3 M\(f(r - 8)),\(f(t + 17)) l3,-3 v-9"
        }
        if type == "Requirement" || type == "Constraint" {
            return "M\(f(r - 17)),\(f(t + 5)) h12 l-3,9 h-12 z"
        }
        if type == "Goal" || type == "Outcome" {
            return "M\(f(r - 12)),\(f(t + 4)) a6,6 0 1 0 0.1,0 M\(f(r - 12)),\(f(t + 7)) a3,3 0 1 0 0.1,0"
        }
        return nil
    }

    /// True for passive structure, which Archi draws with a band across the top of the box.
    static func hasBand(_ type: String?) -> Bool {
        guard let type else { return false }
        return ["BusinessObject", "DataObject", "Contract", "Representation", "Artifact", "Deliverable"].contains(type)
    }

    /// How a relationship's line is drawn: its dash class (`page.css`) and the markers at its two ends
    /// (`DiagramSVG.markers`), by the relationship's local name in Lodestar's ArchiMate vocabulary. An access line's
    /// arrow shows the way the data goes, as Archi draws it: at the object for Write (and when the kind is unknown), at
    /// the accessor for Read, at both ends for ReadWrite, at neither for a plain Access.
    static func line(of relationship: String?, access: String? = nil) -> (style: String, start: String?, end: String?) {
        switch (relationship, access) {
        case ("access", "Read"): return ("dotted", "arrow-open", nil)
        case ("access", "ReadWrite"): return ("dotted", "arrow-open", "arrow-open")
        case ("access", "Access"): return ("dotted", nil, nil)
        default: break
        }
        return switch relationship {
        case "composition": ("solid", "diamond-filled", nil)
        case "aggregation": ("solid", "diamond-hollow", nil)
        case "assignment": ("solid", "dot", "arrow-filled")
        case "realization": ("dashed", nil, "triangle-hollow")
        case "serving": ("solid", nil, "arrow-open")
        case "access": ("dotted", nil, "arrow-open")
        case "influence": ("dashed", nil, "arrow-open")
        case "triggering": ("solid", nil, "arrow-filled")
        case "flow": ("dashed", nil, "arrow-filled")
        case "specialization": ("solid", nil, "triangle-hollow")
        case "association": ("solid", nil, nil)
        default: ("plain", nil, nil)
        }
    }

    /// A short name for people: `BusinessActor` → "Business actor".
    static func typeName(_ type: String) -> String {
        var words: [String] = []
        for character in type {
            if character.isUppercase || words.isEmpty { words.append(String(character)) } else { words[words.count - 1].append(character) }
        }
        return words.enumerated().map { $0.offset == 0 ? $0.element : $0.element.lowercased() }.joined(separator: " ")
    }

    private static let motivation: Set<String> = [
        "Stakeholder", "Driver", "Assessment", "Goal", "Outcome", "Principle", "Requirement", "Constraint", "Meaning", "Value",
    ]
    private static let strategy: Set<String> = ["Resource", "Capability", "ValueStream", "CourseOfAction"]
    private static let technology: Set<String> = [
        "Node", "Device", "SystemSoftware", "Path", "CommunicationNetwork", "Artifact", "Equipment", "Facility", "DistributionNetwork",
        "Material",
    ]
}
