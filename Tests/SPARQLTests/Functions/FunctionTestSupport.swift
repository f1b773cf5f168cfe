import RDF

@testable import SPARQL

/// Terms and calls for the function tests, in one namespace so they cannot clash with other test files' helpers.
enum Fn {
    static func int(_ text: String) -> Term { .literal(Literal(text, datatype: XSD.integer)) }
    static func dec(_ text: String) -> Term { .literal(Literal(text, datatype: XSD.decimal)) }
    static func dbl(_ text: String) -> Term { .literal(Literal(text, datatype: XSD.double)) }
    static func flt(_ text: String) -> Term { .literal(Literal(text, datatype: XSD.float)) }
    static func str(_ text: String) -> Term { .string(text) }
    static func lang(_ text: String, _ tag: String) -> Term { .literal(Literal(text, language: tag)) }
    static func bool(_ value: Bool) -> Term { SPARQLFunctions.boolean(value) }
    static func dateTime(_ text: String) -> Term { .literal(Literal(text, datatype: XSD.dateTime)) }
    static func date(_ text: String) -> Term { .literal(Literal(text, datatype: XSD.date)) }
    static func iri(_ text: String) -> Term { .iri(IRI(text)) }
    /// A literal typed `xsd:localName`.
    static func xsd(_ text: String, _ localName: String) -> Term {
        .literal(Literal(text, datatype: IRI(XSD.namespace + localName)))
    }
    static func typed(_ text: String, _ datatype: String) -> Term { .literal(Literal(text, datatype: IRI(datatype))) }

    static let context = FunctionContext(
        baseIRI: IRI("http://example.org/base/"),
        now: XSDDateTime(lexicalForm: "2024-05-06T07:08:09.5Z", kind: .dateTime),
        randomSeed: 42
    )

    static func call(_ name: String, _ arguments: Term..., context: FunctionContext = context) throws(ExpressionError) -> Term {
        try SPARQLFunctions.call(name, arguments, context: context)
    }

    /// The error the call throws, or nil if it returns.
    static func error(_ name: String, _ arguments: Term..., context: FunctionContext = context) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try SPARQLFunctions.call(name, arguments, context: context)
            return nil
        } catch {
            return error
        }
    }

    /// The error `body` throws, or nil.
    static func error<T>(_ body: () throws(ExpressionError) -> T) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}
