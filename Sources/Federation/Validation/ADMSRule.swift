import Foundation

/// One row of `Ontologies/federation/rules/adms-ap.csv`: a SEMIC ADMS-AP rule, numbered as SEMIC numbers it.
public struct ADMSRule: Sendable, Hashable {
    public enum Check: String, Sendable {
        case min, max, `class`, literal, uri, datetime, datatype, value
        case mandatoryClass = "mandatory-class"
    }

    public var id: Int
    public var severity: Severity
    public var className: String
    public var property: String
    public var check: Check
    public var expected: String

    /// Reads the table: `rule;severity;class;property;check;expected`, `#` comments, one header line.
    /// - Throws: `FederationError(.configuration)` naming the line of a malformed row.
    public static func table(_ text: String, file: String) throws -> [ADMSRule] {
        var rules: [ADMSRule] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("rule;") { continue }
            let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 6, let id = Int(cells[0]), let severity = Severity(rawValue: cells[1]),
                let check = Check(rawValue: cells[4]), NS.expand(cells[2]) != nil,
                cells[3].isEmpty || NS.expand(cells[3]) != nil, cells[5].isEmpty || NS.expand(cells[5]) != nil
            else {
                throw FederationError(.configuration, "\(file):\(index + 1): malformed rule row '\(line)'")
            }
            rules.append(ADMSRule(id: id, severity: severity, className: cells[2], property: cells[3], check: check, expected: cells[5]))
        }
        return rules
    }

    /// The SELECT that finds this rule's violations; it binds `?s` (the subject, unbound for a missing class) and
    /// `?o` (the offending value, when there is one).
    public var query: String {
        let c = className, p = property, e = expected
        let body: String
        switch check {
        case .min:
            body = "SELECT ?s ?o WHERE { ?s a \(c) . FILTER NOT EXISTS { ?s \(p) ?any } }"
        case .max:
            body = "SELECT ?s (SAMPLE(?value) AS ?o) WHERE { ?s a \(c) ; \(p) ?value . } GROUP BY ?s HAVING (COUNT(?value) > 1)"
        case .`class`:
            // As SEMIC: only a value the data describes (it has statements of its own) can be checked for its class.
            body = "SELECT DISTINCT ?s ?o WHERE { ?s a \(c) ; \(p) ?o . FILTER EXISTS { ?o ?anyP ?anyV } FILTER NOT EXISTS { ?o a \(e) } }"
        case .literal:
            body = "SELECT ?s ?o WHERE { ?s a \(c) ; \(p) ?o . FILTER (!isLiteral(?o)) }"
        case .uri:
            body = "SELECT ?s ?o WHERE { ?s a \(c) ; \(p) ?o . FILTER (!isIRI(?o) && !(isLiteral(?o) && datatype(?o) = xsd:anyURI)) }"
        case .datetime:
            body = """
                SELECT ?s ?o WHERE { ?s a \(c) ; \(p) ?o . \
                FILTER (!isLiteral(?o) || (datatype(?o) != xsd:dateTime && datatype(?o) != xsd:date)) }
                """
        case .datatype:
            body = "SELECT ?s ?o WHERE { ?s a \(c) ; \(p) ?o . FILTER (!isLiteral(?o) || datatype(?o) != \(e)) }"
        case .value:
            body = "SELECT ?s ?o WHERE { ?s a \(c) ; \(p) ?o . FILTER (?o != \(e)) }"
        case .mandatoryClass:
            body = "SELECT ?s ?o WHERE { FILTER NOT EXISTS { ?any a \(c) } }"
        }
        return NS.sparqlPrologue + body
    }

    /// SEMIC's Rule_Description, in its words.
    public var description: String {
        switch check {
        case .min: "\(property) is a required property for \(className)."
        case .max: "\(property) has maximum cardinality of 1 for \(className)."
        case .`class`: "\(property) should be a \(expected)."
        case .literal: "The \(property) property should be a literal."
        case .uri: "The \(property) property should be a URI."
        case .datetime: "The \(property) property should be a literal of type xsd:dateTime."
        case .datatype: "\(property) should be a literal of type \(expected)."
        case .value: "\(property) should be \(expected)."
        case .mandatoryClass: "\(className) does not exist."
        }
    }

    /// SEMIC's Message for one violation.
    func message(subject: String?, object: String?) -> String {
        let s = subject ?? "?"
        return switch check {
        case .min: "The \(className) \(s) does not have a \(property) property."
        case .max: "The \(className) \(s) has more than 1 \(property)."
        case .`class`: "\(className) \(s) does not have a \(property) property of type \(expected)."
        case .literal: "The property \(property) of \(s) is not a literal."
        case .uri: "The property \(property) of \(s) is not a URI."
        case .datetime: "The property \(property) of \(s) is not a literal of type xsd:dateTime (\(object ?? ""))."
        case .datatype: "The property \(property) of \(s) is not a literal of type \(expected) (\(object ?? ""))."
        case .value: "The property \(property) of \(s) is \(object ?? "?"), not \(expected)."
        case .mandatoryClass: "The mandatory class \(className) does not exist."
        }
    }
}

public enum Severity: String, Sendable, Codable, Hashable {
    case error, warning
}
