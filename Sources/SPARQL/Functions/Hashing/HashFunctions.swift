import RDF

/// Hash functions (SPARQL 1.1 §17.4.6, https://www.w3.org/TR/sparql11-query/#func-hash): the lower-case hex digest of
/// the UTF-8 bytes of a simple literal or `xsd:string`, as a simple literal. Language-tagged strings are type errors.
extension SPARQLFunctions {
    static func md5(_ term: Term) throws(ExpressionError) -> Term { try digest(term, "MD5", MD5.hash) }
    static func sha1(_ term: Term) throws(ExpressionError) -> Term { try digest(term, "SHA1", SHA1.hash) }
    static func sha256(_ term: Term) throws(ExpressionError) -> Term { try digest(term, "SHA256", SHA2.sha256) }
    static func sha384(_ term: Term) throws(ExpressionError) -> Term { try digest(term, "SHA384", SHA2.sha384) }
    static func sha512(_ term: Term) throws(ExpressionError) -> Term { try digest(term, "SHA512", SHA2.sha512) }

    private static func digest(_ term: Term, _ function: String, _ hash: ([UInt8]) -> [UInt8]) throws(ExpressionError) -> Term {
        .string(HashPadding.hex(hash(Array(try simpleArgument(term, function).utf8))))
    }
}
