/// The W3C tests the engine fails today, by test IRI, each with what the engine does wrong: the only place known
/// failures are listed (STYLE.md §6).
///
/// A listed test that fails is counted as a known failure; a listed test that passes fails the run until its entry is
/// removed; a failing test not listed here fails the run. Whole categories the engine does not attempt (entailment,
/// SERVICE, protocol, update evaluation, tests not approved) are skipped in `Suites.skipReason` instead, never here.
///
/// Write each reason so an engine author can act on it: which component, what it does, what §18 says instead. Long
/// reasons go through `reason(_:)`, one source line per part:
///
/// ```swift
/// "http://www.w3.org/2001/sw/DataAccess/tests/data-r2/optional-filter/manifest#dawg-optional-filter-005-not-simplified": reason(
///     "Parser: the group nested in `OPTIONAL { { … FILTER(…) } }` is flattened, so its FILTER becomes the left join's",
///     "condition; §18.2.2 keeps (leftjoin A (filter … B))."
/// ),
/// ```
enum ExpectedFailures {
    static let reasons: [String: String] = [:]

    /// A reason written over several source lines, joined by spaces.
    private static func reason(_ parts: String...) -> String { parts.joined(separator: " ") }
}
