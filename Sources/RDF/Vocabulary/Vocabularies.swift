/// IRIs of the vocabularies Lodestar speaks. Only these files spell vocabulary IRIs out.

public enum XSD {
    public static let namespace = "http://www.w3.org/2001/XMLSchema#"
    public static let string = IRI(namespace + "string")
    public static let boolean = IRI(namespace + "boolean")
    public static let integer = IRI(namespace + "integer")
    public static let decimal = IRI(namespace + "decimal")
    public static let double = IRI(namespace + "double")
    public static let float = IRI(namespace + "float")
    public static let dateTime = IRI(namespace + "dateTime")
    public static let date = IRI(namespace + "date")
    public static let time = IRI(namespace + "time")
    public static let dayTimeDuration = IRI(namespace + "dayTimeDuration")
    public static let anyURI = IRI(namespace + "anyURI")
}

public enum RDFVocabulary {
    public static let namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let type = IRI(namespace + "type")
    public static let langString = IRI(namespace + "langString")
    public static let first = IRI(namespace + "first")
    public static let rest = IRI(namespace + "rest")
    public static let `nil` = IRI(namespace + "nil")
    public static let xmlLiteral = IRI(namespace + "XMLLiteral")
}

public enum RDFS {
    public static let namespace = "http://www.w3.org/2000/01/rdf-schema#"
    public static let label = IRI(namespace + "label")
    public static let comment = IRI(namespace + "comment")
    public static let seeAlso = IRI(namespace + "seeAlso")
}

public enum SKOS {
    public static let namespace = "http://www.w3.org/2004/02/skos/core#"
    public static let concept = IRI(namespace + "Concept")
    public static let conceptScheme = IRI(namespace + "ConceptScheme")
    public static let collection = IRI(namespace + "Collection")
    public static let prefLabel = IRI(namespace + "prefLabel")
    public static let altLabel = IRI(namespace + "altLabel")
    public static let definition = IRI(namespace + "definition")
    public static let broader = IRI(namespace + "broader")
    public static let narrower = IRI(namespace + "narrower")
    public static let related = IRI(namespace + "related")
    public static let member = IRI(namespace + "member")
    public static let inScheme = IRI(namespace + "inScheme")
    public static let notation = IRI(namespace + "notation")
}

public enum DCTerms {
    public static let namespace = "http://purl.org/dc/terms/"
    public static let title = IRI(namespace + "title")
    public static let description = IRI(namespace + "description")
    public static let type = IRI(namespace + "type")
    public static let identifier = IRI(namespace + "identifier")
    public static let isReplacedBy = IRI(namespace + "isReplacedBy")
    public static let replaces = IRI(namespace + "replaces")
    public static let publisher = IRI(namespace + "publisher")
    public static let license = IRI(namespace + "license")
    public static let modified = IRI(namespace + "modified")
}

public enum OWL {
    public static let namespace = "http://www.w3.org/2002/07/owl#"
    public static let deprecated = IRI(namespace + "deprecated")
    public static let sameAs = IRI(namespace + "sameAs")
}
