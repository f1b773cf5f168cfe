/// How ArchiMate 3.1 draws its elements and relationships (The Open Group ArchiMate 3.1 Specification, Appendix A
/// and §5), with Archi's default layer colours: what `DiagramSVG` needs to make a diagram look as architects know it.
enum ArchiMateNotation {
    /// The outline of an element box: active structure and passive elements are square, behaviour is rounded, and
    /// motivation elements have cut corners; a junction is a dot.
    enum Shape { case square, rounded, cutCorners, junction }

    /// Archi's default fill of an element type (business yellow, application blue, technology green, motivation
    /// violet, strategy beige, implementation pink, …); white for anything unknown.
    static func fill(of type: String?) -> String {
        guard let type else { return "#ffffff" }
        if motivation.contains(type) { return "#ccccff" }
        if strategy.contains(type) { return "#f5deaa" }
        if ["WorkPackage", "Deliverable", "ImplementationEvent"].contains(type) { return "#ffe0e0" }
        if ["Plateau", "Gap"].contains(type) { return "#e0ffe0" }
        if type == "Location" { return "#fbb875" }
        if type == "Junction" { return "#000000" }
        if type == "Grouping" { return "#ffffff" }
        if type.hasPrefix("Business") || ["Contract", "Representation", "Product"].contains(type) { return "#ffffb5" }
        if type.hasPrefix("Application") || type == "DataObject" { return "#b5ffff" }
        if type.hasPrefix("Technology") || technology.contains(type) { return "#c9e7b7" }
        return "#ffffff"
    }

    static func shape(of type: String?) -> Shape {
        guard let type else { return .square }
        if type == "Junction" { return .junction }
        if motivation.contains(type) { return .cutCorners }
        let behaviour = ["Process", "Function", "Interaction", "Event", "Service"]
        if behaviour.contains(where: type.hasSuffix) || ["ValueStream", "Capability", "CourseOfAction", "WorkPackage"].contains(type) {
            return .rounded
        }
        return .square
    }

    /// How a relationship's line is drawn: its dash class (`page.css`) and the markers at its two ends
    /// (`DiagramSVG.markers`), by the relationship's local name in Lodestar's ArchiMate vocabulary.
    static func line(of relationship: String?) -> (style: String, start: String?, end: String?) {
        switch relationship {
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
