import Foundation
import RDF
import Testing

@testable import SPARQL

/// No query shape can exhaust the stack (issue 15): past `SPARQLLimits.maximumTreeHeight` the parser refuses it with
/// a position, and up to the limit every pass over the tree fits in half of `LargeStack.size`.
@Suite struct DeepQueryTests {
    /// Ten times the length that crashed: a syntax error naming the limit, at a line and column.
    @Test(arguments: DeepQueryShapes.all.map(\.name))
    func chainsPastTheLimitAreASyntaxErrorWithAPosition(_ name: String) throws {
        let shape = DeepQueryShapes.named(name)
        let text = shape.text(10 * DeepQueryShapes.crashingLength(name))
        let error = try #require(
            LargeStack.run { () -> SPARQLSyntaxError? in
                do throws(SPARQLSyntaxError) {
                    if shape.isUpdate { _ = try SPARQLParser.parseUpdate(text) } else { _ = try SPARQLParser.parseQuery(text) }
                    return nil
                } catch {
                    return error
                }
            }
        )
        #expect(error.message.contains("more than \(SPARQLLimits.maximumTreeHeight) levels deep"))
        #expect(error.description.hasPrefix("Syntax error at line 1 column "))
        #expect(error.start.offset > 0)
    }

    /// Just below the limit, every pass runs in well under the stack the large-stack threads get.
    @Test(arguments: DeepQueryShapes.all.map(\.name))
    func everyPassAtTheLimitFitsInHalfTheLargeStack(_ name: String) throws {
        let shape = DeepQueryShapes.named(name)
        let length = try LargeStack.run { () throws in try Self.longestAccepted(shape.text, isUpdate: shape.isUpdate) }
        print("DeepQueryTests: \(name): every pass at length \(length - 5)")
        // Printing adds a pair of parentheses or two, so the round trip starts a few levels below the limit.
        let used = try StackProbe.measure { () throws in try Self.everyPass(over: shape.text(length - 5), isUpdate: shape.isUpdate) }
        print("DeepQueryTests: \(name) at the limit used \(used >> 10) KiB of stack")
        #expect(used < LargeStack.size / 2)
    }

    /// The longest chain of the shape the parser accepts (found by bisection).
    static func longestAccepted(_ text: (Int) -> String, isUpdate: Bool) throws -> Int {
        var (low, high) = (1, SPARQLLimits.maximumTreeHeight + 10)
        while low + 1 < high {
            let middle = (low + high) / 2
            do {
                if isUpdate { _ = try SPARQLParser.parseUpdate(text(middle)) } else { _ = try SPARQLParser.parseQuery(text(middle)) }
                low = middle
            } catch {
                high = middle
            }
        }
        #expect(low > SPARQLLimits.maximumTreeHeight / 2)
        return low
    }

    /// Parse, print, re-parse, compare, hash, optimise and evaluate, then free the trees.
    static func everyPass(over text: String, isUpdate: Bool) throws {
        let data = dataset(":a <p> :b", ":b <p> :c")
        if isUpdate {
            let update = try SPARQLParser.parseUpdate(text)
            _ = update.description
            var hasher = Hasher()
            hasher.combine(update)
            #expect(update == update)
            // Planning a WHERE chain this long is quadratic (the optimiser's analyses): give it the deadline the
            // endpoint would, by which it has recursed to the bottom of the tree (the stack is what is measured here).
            var options = QueryOptions()
            options.deadline = .now + .seconds(10)
            do {
                _ = try UpdateExecutor(options: options).changes(for: update, in: data)
            } catch let error as QueryEvaluationError {
                if case .tooComplex = error { return }
                #expect(error == .timeout, "\(error)")
            }
            return
        }
        let query = try SPARQLParser.parseQuery(text)
        _ = query.pattern.sse
        let reparsed = try SPARQLParser.parseQuery(query.description)
        var hasher = Hasher()
        hasher.combine(query)
        #expect(reparsed.pattern.sse == query.pattern.sse)
        _ = query == reparsed
        // Planning analyses at every level of a chain what lies below it, n² in all: give each run a deadline, by
        // which it has recursed to the bottom of the tree (the stack is what is measured here).
        var optimized = QueryOptions()
        var reference = QueryOptions.reference
        optimized.deadline = .now + .seconds(2)
        reference.deadline = .now + .seconds(2)
        for options in [reference, optimized] {
            if let error = evaluationError(query, options: options, in: data) {
                // A group of thousands of patterns is past the optimiser's join budget, or its deadline passed.
                if case .tooComplex = error { continue }
                #expect(error == .timeout, "\(error)")
            }
        }
    }

    /// Evaluates `query` to the end; the error that stopped it, if any.
    static func evaluationError(_ query: Query, options: QueryOptions, in data: InMemoryDataset) -> QueryEvaluationError? {
        do throws(QueryEvaluationError) {
            switch try QueryEvaluator(options: options).evaluate(query, in: data) {
            case .solutions(var rows): while try rows.next() != nil {}
            case .boolean: break
            case .graph(var triples): while try triples.next() != nil {}
            }
            return nil
        } catch {
            return error
        }
    }
}

/// Measures the stack a piece of work touches on a fresh `LargeStack` thread: the resident pages of that thread's
/// stack afterwards (a fresh mapping has none until they are touched).
enum StackProbe {
    static func measure(_ work: () throws -> Void) throws -> Int {
        try LargeStack.run { () throws -> Int in
            // The stack grows down from just above this local; its mapping is `LargeStack.size` long, less the
            // thread's descriptor at the top and the guard at the bottom, which the margins below stay clear of.
            var marker = 0
            let top = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            try work()
            let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
            let end = top & ~(page - 1)
            let start = end - UInt(LargeStack.size) + (1 << 20)
            var resident = [UInt8](repeating: 0, count: Int((end - start) / page))
            guard mincore(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), &resident) == 0 else { return Int.max }
            return resident.reduce(0) { $0 + Int($1 & 1) } * Int(page)
        }
    }
}
