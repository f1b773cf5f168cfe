import Foundation

/// What Lodestar reads from an ArchiMate 3 model exchange file
/// (https://www.opengroup.org/open-group-archimate-model-exchange-file-format): the model's name, its elements with
/// their properties, its relationships and its diagrams (`ArchiMateDiagram`). Organisations are not read.
struct ArchiMateModel {
    /// Text in a language: a `name`, `documentation` or property `value` with its `xml:lang`.
    struct LocalizedText: Hashable {
        var text: String
        var language: String?
    }

    struct Element {
        var identifier: String
        /// The ArchiMate element type (`xsi:type`), e.g. `BusinessActor`.
        var type: String
        var name: LocalizedText?
        var documentation: LocalizedText?
        /// Property values by the property definition's name (e.g. `eira:PURI`), in document order.
        var properties: [String: [LocalizedText]] = [:]
        /// 1-based line of the element's start tag.
        var line: Int

        /// The non-empty, trimmed values of the first of `names` that the element has.
        func values(of names: [String]) -> [LocalizedText] {
            for name in names {
                let values = (properties[name] ?? []).compactMap { value -> LocalizedText? in
                    let trimmed = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    return trimmed.isEmpty ? nil : LocalizedText(text: trimmed, language: value.language)
                }
                if !values.isEmpty { return values }
            }
            return []
        }
    }

    struct Relationship {
        var identifier: String
        /// The ArchiMate relationship type (`xsi:type`), e.g. `Aggregation`.
        var type: String
        var source: String
        var target: String
        /// An access relationship's `accessType` (`Read`, `Write`, `ReadWrite` or `Access`); `nil` for other types.
        var accessType: String? = nil
    }

    var name: LocalizedText?
    var elements: [Element] = []
    var relationships: [Relationship] = []
    /// The views' diagrams, in document order.
    var diagrams: [ArchiMateDiagram] = []
    /// Property definition identifier → name (e.g. `propid-5` → `eira:PURI`).
    var propertyDefinitions: [String: String] = [:]
}
