import Foundation

/// Long and deep query shapes (issue 15): each left-associative chain the grammar allows, at a chosen length.
/// Shared by the parser, stack, server and fuzz tests.
struct DeepQueryShape: Sendable {
    let name: String
    let isUpdate: Bool
    let text: @Sendable (Int) -> String

    init(_ name: String, update: Bool = false, _ text: @escaping @Sendable (Int) -> String) {
        self.name = name
        self.isUpdate = update
        self.text = text
    }
}

enum DeepQueryShapes {
    /// Query shapes by name, and their text of `n` links.
    static let queries: [DeepQueryShape] = [
        DeepQueryShape("+") { n in "SELECT (" + Array(repeating: "1", count: n).joined(separator: " + ") + " AS ?x) {}" },
        DeepQueryShape("*") { n in "SELECT (" + Array(repeating: "1", count: n).joined(separator: " * ") + " AS ?x) {}" },
        DeepQueryShape("signed") { n in "SELECT (?a -1" + String(repeating: " * 1", count: n) + " AS ?x) {}" },
        DeepQueryShape("&&") { n in "SELECT * { FILTER(" + Array(repeating: "true", count: n).joined(separator: " && ") + ") }" },
        DeepQueryShape("||") { n in "ASK { FILTER(" + Array(repeating: "false", count: n).joined(separator: " || ") + ") }" },
        DeepQueryShape("FILTERs") { n in "SELECT * { " + String(repeating: "FILTER(true) ", count: n) + "}" },
        DeepQueryShape("path /") { n in "SELECT * { ?s " + Array(repeating: "<p>", count: n).joined(separator: "/") + " ?o }" },
        DeepQueryShape("path |") { n in "SELECT * { ?s " + Array(repeating: "<p>", count: n).joined(separator: "|") + " ?o }" },
        DeepQueryShape("groups") { n in "SELECT * { " + String(repeating: "{ ?s <p> ?o } ", count: n) + "}" },
        DeepQueryShape("UNION") { n in "SELECT * { " + Array(repeating: "{ ?s <p> ?o }", count: n).joined(separator: " UNION ") + " }" },
        DeepQueryShape("OPTIONAL") { n in "SELECT * { ?s <p> ?o " + String(repeating: "OPTIONAL { ?s <q> ?o } ", count: n) + "}" },
        DeepQueryShape("BIND") { n in "SELECT * { " + (0..<n).map { "BIND(\($0) AS ?v\($0)) " }.joined() + "}" },
        DeepQueryShape("SELECT AS") { n in "SELECT " + (0..<n).map { "(\($0) AS ?v\($0)) " }.joined() + "{}" },
        DeepQueryShape("MINUS") { n in "SELECT * { ?s <p> ?o " + String(repeating: "MINUS { ?s <q> ?o } ", count: n) + "}" },
    ]

    /// The same chains inside an update's WHERE clause.
    static let updates: [DeepQueryShape] = [
        DeepQueryShape("update +", update: true) { n in "DELETE { ?s <p> ?o } WHERE { ?s <p> ?o FILTER(" + Array(repeating: "1", count: n).joined(separator: " + ") + " = 0) }" },
        DeepQueryShape("update UNION", update: true) { n in "DELETE { ?s <p> ?o } WHERE { " + Array(repeating: "{ ?s <p> ?o }", count: n).joined(separator: " UNION ") + " }" },
        DeepQueryShape("update path", update: true) { n in "INSERT { ?s <r> ?o } WHERE { ?s " + Array(repeating: "<p>", count: n).joined(separator: "/") + " ?o }" },
    ]

    static let all = queries + updates

    static func named(_ name: String) -> DeepQueryShape { all.first { $0.name == name }! }

    /// The smallest length at which each shape crashed a server before the tree height limit (issue 15).
    static func crashingLength(_ name: String) -> Int {
        switch name {
        case "+", "*", "signed", "update +", "SELECT AS", "BIND", "OPTIONAL", "MINUS": 4_000
        case "&&", "||", "FILTERs": 5_000
        case "path /", "groups", "update path": 20_000
        case "UNION", "update UNION": 50_000
        default: 100_000
        }
    }
}
