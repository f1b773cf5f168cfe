/// The limits every query and update is held to, so that no input can exhaust the stack (issue 15).
public enum SPARQLLimits {
    /// The most levels an algebra tree may have. Left-associative chains count one level per link (`a || b || c` is a
    /// tree two levels deep), as do nested groups and brackets; the parser refuses a taller tree with a syntax error
    /// at the token that would pass the limit. Work over a tree at this height fits in `LargeStack.size`
    /// (`DeepQueryTests` measures it). Analyses asked at every level of a chain cost n² in all; each level checks the
    /// deadline, so a chain this long gets an answer or a 503 in time.
    public static let maximumTreeHeight = 10_000

    /// The most operands (triple patterns and other patterns) one join may have: ordering them costs time quadratic
    /// in their number, so a larger group is refused (`QueryEvaluationError.tooComplex`) rather than planned for
    /// minutes.
    public static let maximumJoinOperands = 2_000
}
