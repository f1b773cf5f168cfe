import Testing

import RDF

@Suite("IRI resolution (RFC 3986 §5)")
struct IRIResolutionTests {
    @Test(
        "RFC 3986 §5.4 normal and abnormal examples",
        arguments: [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
            ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"), (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"),
            ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
            ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"),
            ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"), ("g?y/../x", "http://a/b/c/g?y/../x"), ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
        ]
    )
    func rfcExamples(reference: String, target: String) {
        #expect(IRIResolution.resolve(reference, against: "http://a/b/c/d;p?q") == target)
    }

    @Test func otherBases() {
        #expect(IRIResolution.resolve("iri", against: "http://example.org/") == "http://example.org/iri")
        #expect(IRIResolution.resolve("x", against: "http://example.org") == "http://example.org/x")
        #expect(IRIResolution.resolve("x", against: "urn:isbn:0451450523") == "urn:x")
        #expect(IRIResolution.resolve("食べる", against: "http://example.org/食/") == "http://example.org/食/食べる")
        #expect(IRIResolution.resolve("#frag", against: "http://example.org/doc#old") == "http://example.org/doc#frag")
        #expect(IRIResolution.resolve("", against: "http://example.org/doc#old") == "http://example.org/doc")
        #expect(IRIResolution.resolve("../x", against: "file:///a/b") == "file:///x")
    }

    /// The shortcut for absolute references must agree with the full algorithm wherever it applies, and stand aside
    /// wherever a dot segment could change the result.
    @Test func plainAbsoluteReferencesResolveToThemselves() {
        let base = "http://a/b/c/d;p?q"
        for plain in ["http://data.europa.eu/dr8/PublicPolicy", "g:h", "urn:isbn:0451450523", "http://example.org", "mailto:a@b.c",
            "http://x/a.b/c.d?e=./f#g", "tag:lodestar,2026:x"]
        {
            #expect(IRIResolution.isPlainAbsolute(plain), "\(plain)")
            let components = IRIResolution.Components(plain)
            #expect(components.scheme != nil && components.reference == plain, "\(plain)")
            #expect(IRIResolution.resolve(plain, against: base) == plain)
        }
        for other in ["http://a/b/../c", "http://a/./c", "http://a/b/..", "foo:./bar", "g", "./g", "//g", "1http://a", ":x", ""] {
            #expect(!IRIResolution.isPlainAbsolute(other), "\(other)")
        }
        #expect(IRIResolution.resolve("http://a/b/../c", against: base) == "http://a/c")
    }

    @Test func components() {
        let parts = IRIResolution.Components("http://user@host:80/p/a/t/h?query#frag")
        #expect(parts == IRIResolution.Components(scheme: "http", authority: "user@host:80", path: "/p/a/t/h", query: "query", fragment: "frag"))
        #expect(parts.reference == "http://user@host:80/p/a/t/h?query#frag")
        #expect(IRIResolution.Components("a:?").query == "")
        #expect(IRIResolution.Components("./a:b").scheme == nil)
        #expect(IRIResolution.isAbsolute("mailto:x@example.org"))
        #expect(!IRIResolution.isAbsolute("1a:b") && !IRIResolution.isAbsolute("/a:b") && !IRIResolution.isAbsolute(""))
        #expect(IRIResolution.removeDotSegments("/a/b/c/./../../g") == "/a/g")
        #expect(IRIResolution.removeDotSegments("mid/content=5/../6") == "mid/6")
    }
}
