import RDF
import Testing
import TestKit

@testable import SPARQL

/// Random algebra trees (joins, OPTIONALs with filters, UNION, MINUS, FILTER with EXISTS, BIND, GRAPH, paths,
/// VALUES) over random graphs: the optimised plan must give the reference answer.
@Suite("Optimizer: random patterns preserve results")
struct RandomPatternTests {
    struct Generator {
        var random: SplitMix
        let variables = ["a", "b", "c", "d"]
        let predicates = ["p", "q", "r"]

        mutating func pick<T>(_ items: [T]) -> T { items[random.next(items.count)] }

        mutating func node() -> String {
            random.next(4) == 0 ? ":n\(random.next(6))" : "?" + pick(variables)
        }

        mutating func leaf() -> GraphPattern {
            switch random.next(6) {
            case 0:
                let path: PropertyPath =
                    random.next(2) == 0
                    ? .oneOrMore(.predicate(IRI(Notation.namespace + pick(predicates))))
                    : .sequence(
                        .predicate(IRI(Notation.namespace + pick(predicates))), .zeroOrOne(.predicate(IRI(Notation.namespace + pick(predicates)))))
                return .path(subject: Notation.pattern(node()), path: path, object: Notation.pattern("?" + pick(variables)))
            case 1:
                return .values(variables: [v(pick(variables))], rows: [[iri("n\(random.next(6))")], [int(random.next(4))], [nil]])
            default:
                let count = 1 + random.next(2)
                return .bgp((0..<count).map { _ in tp(node(), ":" + pick(predicates), node()) })
            }
        }

        mutating func expression(depth: Int) -> Expression {
            switch random.next(depth > 0 ? 7 : 4) {
            case 0: return .bound(v(pick(variables)))
            case 1: return .equal(ev(pick(variables)), ev(pick(variables)))
            case 2: return .greater(ev(pick(variables)), int(random.next(3)).expression)
            case 3: return .notEqual(ev(pick(variables)), iri("n\(random.next(6))").expression)
            case 4: return .not(expression(depth: depth - 1))
            case 5:
                return random.next(2) == 0
                    ? .or(expression(depth: depth - 1), expression(depth: depth - 1))
                    : .and(expression(depth: depth - 1), expression(depth: depth - 1))
            default: return .exists(leaf())
            }
        }

        mutating func pattern(depth: Int) -> GraphPattern {
            guard depth > 0, random.next(4) != 0 else { return leaf() }
            switch random.next(9) {
            case 0, 1: return .join(pattern(depth: depth - 1), pattern(depth: depth - 1))
            case 2: return .leftJoin(pattern(depth: depth - 1), pattern(depth: depth - 1), filter: random.next(2) == 0 ? nil : expression(depth: 1))
            case 3: return .union(pattern(depth: depth - 1), pattern(depth: depth - 1))
            case 4: return .minus(pattern(depth: depth - 1), pattern(depth: depth - 1))
            case 5, 6: return .filter(expression(depth: 2), pattern(depth: depth - 1))
            case 7:
                let inner = pattern(depth: depth - 1)
                let free = ["e", "f"].filter { !inner.variableBindings.possible.contains(v($0)) }
                guard let target = free.first else { return inner }
                return .extend(
                    inner, variable: v(target), expression: random.next(2) == 0 ? ev(pick(variables)) : .add(ev(pick(variables)), int(1).expression))
            default:
                return .graph(name: random.next(2) == 0 ? .variable(v("g")) : .term(iri("g1")), pattern(depth: depth - 1))
            }
        }
    }

    @Test("Optimised and unoptimised evaluation agree with the reference", arguments: 0..<8)
    func randomPatterns(batch: Int) throws {
        var generator = Generator(random: SplitMix(seed: UInt64(1000 + batch)))
        let graphs = (0..<3).map { OptimizerEquivalenceTests.randomDataset(seed: UInt64(batch * 10 + $0)) }
        for index in 0..<40 {
            let pattern = generator.pattern(depth: 3)
            for data in graphs {
                let reference = sorted(try select(pattern, in: data, options: .reference))
                for options in [QueryOptions(), .unoptimized] {
                    let result = sorted(try select(pattern, in: data, options: options))
                    #expect(result == reference, "pattern \(index) of batch \(batch), optimize \(options.optimize): \(pattern)")
                    if result != reference { return }
                }
            }
        }
    }
}

extension Term {
    fileprivate var expression: Expression { .term(self) }
}
