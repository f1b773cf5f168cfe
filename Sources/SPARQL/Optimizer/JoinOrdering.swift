import RDF

extension Optimizer {
    /// Orders the operands of a join greedily and places the filters over it (`chooseJoinStrategies` then picks each
    /// join's algorithm).
    ///
    /// The first operand is the smallest; each next one is the smallest among those sharing a variable with what is
    /// already bound (so no cartesian product while a connected operand remains), estimated with those variables
    /// bound. Consecutive triple patterns form one BGP (one index nested loop). Each filter goes into the single
    /// operand that decides it if there is one, else right after the shortest prefix that does.
    func orderJoin(operands: [GraphPattern], filters: [Expression], bound: Set<Variable>, graph: EstimateGraph) -> GraphPattern {
        var operands = operands.filter { $0 != .empty }
        if operands.isEmpty { return wrap(.empty, in: filters, bound: bound, graph: graph) }
        if operands.count > SPARQLLimits.maximumJoinOperands {
            refuse(joinOf: operands.count)
            return .join(operands[0], operands[1])
        }
        var chainFilters: [Expression] = []

        // 1. A filter that one non-triple operand decides alone goes inside it (and further down from there).
        // "Possibly bound by another operand" is read from counts, not from a union per operand (quadratic).
        let bindings = operands.map(\.variableBindings)
        let possible = bindings.map(\.possible)
        var binders = VariableCounts()
        for set in possible { binders.add(set) }
        for filter in filters {
            // Stopped: the rewrite throws, and what is returned is never used.
            if shouldStop() { return operands[0] }
            let variables = filter.mentionedVariables
            let target = operands.indices.first { index in
                guard operands[index].singleTriple == nil else { return false }
                // Variables bound by the input are substituted: constant in every operand.
                return variables.allSatisfy { variable in
                    bindings[index].certain.contains(variable) || bound.contains(variable)
                        || binders[variable] - (possible[index].contains(variable) ? 1 : 0) == 0
                }
            }
            if let target {
                operands[target] = .filter(filter, operands[target])
            } else {
                chainFilters.append(filter)
            }
        }

        // 2. Greedy order.
        let order = greedyOrder(operands, bound: bound, graph: graph)

        // 3. Left-deep chain, merging consecutive triple patterns, with filters after the shortest deciding prefix.
        var elements: [(pattern: GraphPattern, filters: [Expression])] = []
        var prefixCertain = bound
        var pending = chainFilters.map { ($0, $0.mentionedVariables) }
        // How many operands after the current one may bind each variable (a union per position was quadratic).
        var later = binders
        for (position, index) in order.enumerated() {
            if position & 63 == 0, shouldStop() { return operands[0] }
            let operand = operands[index]
            if let triple = operand.singleTriple, let last = elements.last, last.filters.isEmpty, case .bgp(let triples) = last.pattern {
                elements[elements.count - 1].pattern = .bgp(triples + [triple])
            } else {
                elements.append((operand, []))
            }
            prefixCertain.formUnion(bindings[index].certain)
            later.remove(possible[index])
            pending.removeAll { filter, variables in
                guard variables.allSatisfy({ prefixCertain.contains($0) || later[$0] == 0 }) else { return false }
                elements[elements.count - 1].filters.append(filter)
                return true
            }
        }

        // 4. Build the tree, optimising each operand with what the chain binds before it.
        var tree: GraphPattern?
        var treeCertain = bound
        // What the tree so far may bind, kept as it grows (asking the tree at each step was quadratic).
        var treePossible = Set<Variable>()
        for element in elements {
            if let left = tree {
                // Merged BGPs are already in order.
                let operand =
                    element.pattern.isBGP
                    ? element.pattern
                    : rewriteRightSide(element.pattern, entry: treePossible, bound: bound, leftBound: treeCertain, graph: graph)
                tree = .join(left, operand)
                let operandBindings = operand.variableBindings
                treeCertain.formUnion(operandBindings.certain)
                treePossible.formUnion(operandBindings.possible)
            } else {
                let operand = element.pattern.isBGP ? element.pattern : rewrite(element.pattern, bound: bound, graph: graph)
                tree = operand
                let operandBindings = operand.variableBindings
                treeCertain.formUnion(operandBindings.certain)
                treePossible.formUnion(operandBindings.possible)
            }
            tree = wrap(tree!, in: element.filters, bound: treeCertain, graph: graph)
        }
        return tree!
    }

    /// Optimises the right side of a join or left join. Its rewrite counts the left side's variables as bound only if
    /// the result may run with them substituted: a hashed right side runs without them, and a filter placed on that
    /// assumption would read them unbound. (`chooseJoinStrategies` substitutes only into a side fit for it, and a
    /// right side that shares no variable with the left is rewritten the same either way.)
    /// - Parameter entry: what the left side may bind (its `variableBindings.possible`).
    func rewriteRightSide(
        _ pattern: GraphPattern, entry: Set<Variable>, bound: Set<Variable>, leftBound: Set<Variable>, graph: EstimateGraph
    ) -> GraphPattern {
        if pattern.isFitForSubstitution(of: entry) {
            let rewritten = rewrite(pattern, bound: leftBound, graph: graph)
            if rewritten.isFitForSubstitution(of: entry) { return rewritten }
        }
        return rewrite(pattern, bound: bound, graph: graph)
    }

    /// How many of some sets hold each variable.
    private struct VariableCounts {
        private var counts: [Variable: Int] = [:]

        subscript(variable: Variable) -> Int { counts[variable] ?? 0 }

        mutating func add(_ variables: Set<Variable>) {
            for variable in variables { counts[variable, default: 0] += 1 }
        }

        mutating func remove(_ variables: Set<Variable>) {
            for variable in variables { counts[variable, default: 0] -= 1 }
        }
    }

    /// The operands' indices in evaluation order (see `orderJoin`).
    private func greedyOrder(_ operands: [GraphPattern], bound: Set<Variable>, graph: EstimateGraph) -> [Int] {
        var remaining = Array(operands.indices)
        var known = bound
        var order: [Int] = []
        let mentioned = operands.map(\.mentionedVariables)
        while !remaining.isEmpty {
            var best: (position: Int, connected: Bool, size: Double)?
            // The last operand has no rival: estimating it would choose nothing.
            if shouldStop() || remaining.count == 1 { return order + remaining }
            for (position, index) in remaining.enumerated() {
                if position & 63 == 63, shouldStop() { return order + remaining }
                let connected = !known.isDisjoint(with: mentioned[index])
                var size: Double
                if let triple = operands[index].singleTriple {
                    size = estimator.estimate(triple, bound: known, in: graph)
                } else {
                    size = estimator.estimate(operands[index], bound: known, in: graph)
                    if connected, operands[index].isFitForSubstitution(of: known) { size /= 100 }
                }
                // A pattern with at most one solution never makes a harmful cartesian product.
                let acceptable = connected || size <= 1
                if let current = best {
                    if acceptable && !current.connected || acceptable == current.connected && size < current.size {
                        best = (position, acceptable, size)
                    }
                } else {
                    best = (position, acceptable, size)
                }
            }
            let index = remaining.remove(at: best!.position)
            order.append(index)
            known.formUnion(operands[index].variableBindings.certain)
        }
        return order
    }
}
