/// The limits every query and update is held to, so that no input can exhaust the stack (issue 15).
public enum SPARQLLimits {
    /// The most levels an algebra tree may have. Left-associative chains count one level per link (`a || b || c` is a
    /// tree two levels deep), as do nested groups and brackets; the parser refuses a taller tree with a syntax error
    /// at the token that would pass the limit. Work over a tree at this height fits in `LargeStack.size`
    /// (`DeepQueryTests` measures it). The optimiser and the planner carry each node's variable analysis up from its
    /// operands, so planning a chain is linear in its length; each level also checks the deadline.
    public static let maximumTreeHeight = 10_000

    /// The most operands (triple patterns and other patterns) one join may have: ordering them costs time quadratic
    /// in their number, so a larger group is refused (`QueryEvaluationError.tooComplex`) rather than planned for
    /// minutes.
    public static let maximumJoinOperands = 2_000

    /// The most bytes (UTF-8) of a string a function or aggregate may build: CONCAT, REPLACE, ENCODE_FOR_URI and
    /// GROUP_CONCAT past it end the query (`QueryEvaluationError.tooComplex`). Without it, a chain of 40 BINDs each
    /// doubling a string asks for terabytes before any deadline check can run.
    public static let maximumStringLength = 16 << 20
}
