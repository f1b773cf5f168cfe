import Foundation
import RDF

/// Runs SEMIC's ADMS-AP rules, then Joinup's application rules, over the incoming data plus the vocabulary terms it
/// points at. Errors reject the run; warnings are reported.
public struct Validator: Sendable {
    public let admsRules: [ADMSRule]
    public let applicationRules: [ApplicationRule]

    public init(resources: FederationResources) throws {
        admsRules = try ADMSRule.table(try resources.read("rules/adms-ap.csv"), file: "rules/adms-ap.csv")
        applicationRules = try resources.files(in: "rules/application", suffix: ".rq").map { try ApplicationRule(file: $0.name, text: $0.text) }
    }

    /// SEMIC's rules. `graph` must already hold the referenced vocabulary terms (see `VocabularyIndex`).
    public func checkADMS(_ graph: WorkingGraph) throws -> [Violation] {
        var violations: [Violation] = []
        for rule in admsRules {
            for row in try SPARQLRunner.select(rule.query, in: graph, file: "rules/adms-ap.csv rule \(rule.id)") {
                let subject = row["s"].map(Self.text), object = row["o"].map(Self.text)
                violations.append(
                    Violation(
                        rule: String(rule.id), severity: rule.severity, className: rule.className, property: rule.property,
                        subject: subject, object: object, message: rule.message(subject: subject, object: object)))
            }
        }
        return violations
    }

    /// Joinup's application rules (the `rules/application/*.rq` files).
    public func checkApplication(_ graph: WorkingGraph) throws -> [Violation] {
        var violations: [Violation] = []
        for rule in applicationRules {
            for row in try SPARQLRunner.select(NS.sparqlPrologue + rule.query, in: graph, file: "rules/application/\(rule.name).rq") {
                violations.append(
                    Violation(
                        rule: rule.name, severity: rule.severity, className: rule.className, property: rule.property,
                        subject: row["s"].map(Self.text), object: row["o"].map(Self.text), message: rule.message))
            }
        }
        return violations
    }

    static func text(_ term: Term) -> String {
        switch term {
        case .iri(let iri): iri.value
        case .literal(let literal): literal.lexicalForm
        case .blankNode: term.description
        }
    }
}

/// A `rules/application/*.rq` file: a SELECT binding `?s` (and `?o`), with its metadata in `# key: value` comments.
public struct ApplicationRule: Sendable {
    public var name: String
    public var severity: Severity
    public var className: String
    public var property: String
    public var message: String
    public var query: String

    init(file: String, text: String) throws {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("# ") {
            let content = line.dropFirst(2)
            guard let colon = content.firstIndex(of: ":") else { continue }
            fields[String(content[..<colon])] = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let name = fields["rule"], let severity = fields["severity"].flatMap(Severity.init(rawValue:)),
            let className = fields["class"], let property = fields["property"], let message = fields["message"]
        else {
            throw FederationError(.configuration, "rules/application/\(file): needs # rule, severity, class, property and message lines")
        }
        (self.name, self.severity, self.className, self.property, self.message, self.query) = (name, severity, className, property, message, text)
    }
}
