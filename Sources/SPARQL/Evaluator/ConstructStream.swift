import RDF

/// CONSTRUCT (§16.2): instantiates the template once per solution, with fresh blank nodes per solution, skipping
/// triples with an unbound variable or a term that cannot stand in its position, and returning each triple once.
///
/// Triples without template blank nodes are deduplicated across the whole result (a set of ID triples); triples with
/// them are new in every solution, so only duplicates within one solution need removing.
final class ConstructStream: TripleStream {
    enum Node {
        case slot(Int)
        case constant(Term, TermID)
        /// A template blank node, by its index among the template's labels.
        case blank(Int)
    }

    private struct Key: Hashable {
        var subject: TermID
        var predicate: TermID
        var object: TermID
    }

    private let solutions: SolutionStream
    private let template: [(subject: Node, predicate: Node, object: Node)]
    private let prefix: String
    private var pending: [Triple] = []
    private var pendingIndex = 0
    private var seen = Set<Key>()
    private var solutionNumber = 0

    init(solutions: SolutionStream, template: [TriplePattern], planner: Planner) {
        self.solutions = solutions
        var labels: [String: Int] = [:]
        func node(_ pattern: TermPattern) -> Node {
            switch pattern {
            case .variable(let variable):
                return .slot(planner.slot(variable))
            case .term(.blankNode(let blank)):
                if let index = labels[blank.id] { return .blank(index) }
                labels[blank.id] = labels.count
                return .blank(labels.count - 1)
            case .term(let term):
                return .constant(term, planner.context.id(for: term))
            }
        }
        self.template = template.map { (node($0.subject), node($0.predicate), node($0.object)) }
        prefix = planner.context.functions.blankNodePrefix + "c"
    }

    override func next() throws(QueryEvaluationError) -> Triple? {
        while pendingIndex >= pending.count {
            guard let row = try solutions.nextRow() else { return nil }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            instantiate(row)
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    private func instantiate(_ row: Row) {
        solutionNumber += 1
        var local = Set<Triple>()
        let context = solutions.context
        for (s, p, o) in template {
            var key = Key(subject: .unbound, predicate: .unbound, object: .unbound)
            var hasBlank = false
            func resolve(_ node: Node, _ id: inout TermID) -> Term? {
                switch node {
                case .slot(let slot):
                    let value = row[slot]
                    guard value.isBound else { return nil }
                    id = value
                    return context.term(for: value)
                case .constant(let term, let value):
                    id = value
                    return term
                case .blank(let index):
                    hasBlank = true
                    return .blankNode(BlankNode("\(prefix)\(solutionNumber)_\(index)"))
                }
            }
            guard let subject = resolve(s, &key.subject), let predicate = resolve(p, &key.predicate),
                let object = resolve(o, &key.object)
            else { continue }
            let triple = Triple(subject, predicate, object)
            guard triple.isValid else { continue }
            if hasBlank {
                guard local.insert(triple).inserted else { continue }
            } else {
                guard seen.insert(key).inserted else { continue }
            }
            pending.append(triple)
        }
    }
}
