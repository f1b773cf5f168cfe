import RDF

/// A DELETE or INSERT template quad with its constant terms encoded once, instantiated from solution rows of IDs
/// (SPARQL 1.1 Update §3.1.3): a quad whose variable is unbound, or whose position gets a term RDF forbids there, is
/// skipped; template blank nodes are fresh per solution in INSERT and make the quad skipped in DELETE.
struct EncodedTemplate {
    private enum Position {
        case id(TermID)
        case column(Int)
        case blankNode(String)
        case never
    }

    /// What a position accepts: subjects no literal, predicates and graph names only IRIs, objects anything.
    private enum Rule {
        case notLiteral, iri, any

        func allows(_ term: Term) -> Bool {
            switch self {
            case .notLiteral: !term.isLiteral
            case .iri: term.isIRI
            case .any: true
            }
        }
    }

    private let subject: Position, predicate: Position, object: Position, graph: Position

    init<D: QueryableDataset>(_ template: QuadPattern, columns: [Variable: Int], overlay: inout OverlayDataset<D>) {
        func position(_ pattern: TermPattern, _ rule: Rule) -> Position {
            switch pattern {
            case .variable(let variable): return columns[variable].map(Position.column) ?? .never
            case .term(.blankNode(let node)): return rule == .iri ? .never : .blankNode(node.id)
            case .term(let term): return rule.allows(term) ? .id(overlay.intern(term)) : .never
            }
        }
        subject = position(template.subject, .notLiteral)
        predicate = position(template.predicate, .iri)
        object = position(template.object, .any)
        switch template.graph {
        case .defaultGraph: graph = .id(.defaultGraph)
        case .iri(let iri): graph = .id(overlay.intern(.iri(iri)))
        case .variable(let variable): graph = columns[variable].map(Position.column) ?? .never
        }
    }

    /// The quad for one solution, in the overlay's IDs; `nil` when it is skipped.
    /// - Parameter blankNodePrefix: makes template blank nodes fresh for this solution; `nil` in DELETE templates.
    func instantiate<D: QueryableDataset>(
        _ row: [TermID?], solutions: QuerySolutions, overlay: inout OverlayDataset<D>, blankNodePrefix: String?
    ) -> EncodedQuad? {
        func value(_ position: Position, _ rule: Rule) -> TermID? {
            switch position {
            case .id(let id): return id
            case .never: return nil
            case .blankNode(let label):
                guard let blankNodePrefix else { return nil }
                return overlay.intern(.blankNode(BlankNode(blankNodePrefix + label)))
            case .column(let column):
                guard let id = row[column] else { return nil }
                if id >= .firstQueryLocal {  // a computed term: the overlay may know it by another ID
                    let term = solutions.term(for: id)
                    return rule.allows(term) ? overlay.intern(term) : nil
                }
                return rule == .any || rule.allows(overlay.term(for: id)) ? id : nil
            }
        }
        guard let subject = value(subject, .notLiteral), let predicate = value(predicate, .iri), let object = value(object, .any),
            let graph = value(graph, .iri)
        else { return nil }
        return EncodedQuad(subject: subject, predicate: predicate, object: object, graph: graph)
    }
}
