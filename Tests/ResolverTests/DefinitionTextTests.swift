import Testing

@testable import Resolver

@Suite struct DefinitionTextTests {
    @Test func splitsEIRADefinitionsIntoPartsAndParagraphs() {
        let text =
            "DESCRIPTION:\nA thing.\nMore.\n\nSecond.\n\nINTEROPERABILITY SALIENCY: inline start\nWhy.\n\nEXAMPLES:\nOne &amp;quot;x&amp;quot;.\n\nAttributes:\n- ID: key"
        let parts = DefinitionText(text).parts
        #expect(parts.map(\.heading) == ["Description", "Interoperability saliency", "Examples", "Attributes"])
        #expect(parts[0].paragraphs == [["A thing.", "More."], ["Second."]])
        #expect(parts[1].paragraphs == [["inline start", "Why."]])
        #expect(parts[2].paragraphs == [["One &quot;x&quot;."]])
        #expect(parts[3].paragraphs == [["- ID: key"]])
    }

    @Test func plainTextIsOnePartWithoutHeading() {
        let parts = DefinitionText("Just a sentence.\r\n\r\nAnd another.").parts
        #expect(parts.count == 1)
        #expect(parts[0].heading == nil)
        #expect(parts[0].paragraphs == [["Just a sentence."], ["And another."]])
    }

    @Test func editDistanceCountsEdits() {
        #expect(EditDistance.between(Array("kitten"), Array("sitting")) == 3)
        #expect(EditDistance.between(Array(""), Array("abc")) == 3)
        #expect(EditDistance.between(Array("same"), Array("same")) == 0)
    }
}
