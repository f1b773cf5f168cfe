import Synchronization

/// A representation the server can send: its media type, other names clients use for it, and what it stands for.
package struct Offer<Value: Sendable>: Sendable {
    /// The media type sent as `Content-Type` (without parameters).
    package var mediaType: String
    /// Other types an `Accept` header may name to get it (`application/json` for SPARQL JSON results, say).
    package var aliases: [String]
    package var value: Value

    package init(_ mediaType: String, aliases: [String] = [], value: Value) {
        self.mediaType = mediaType
        self.aliases = aliases
        self.value = value
    }
}

/// A list of offers made once (a `static let`), which remembers the choice made for each `Accept` header.
package final class Offers<Value: Sendable>: Sendable {
    /// In the server's order of preference; the first is the default.
    package let list: [Offer<Value>]
    /// The index chosen for each header (`nil`: none acceptable), a few hundred at most.
    let choices = Mutex<[String: Int?]>([:])
    static var remembered: Int { 256 }

    package init(_ list: [Offer<Value>]) { self.list = list }
}

/// Proactive content negotiation over `Accept` (RFC 9110 §12.5.1), as pure functions so that the rules are tested
/// without HTTP.
package enum ContentNegotiation {
    /// The offer `accept` prefers, or `nil` if it accepts none of them (answer 406).
    ///
    /// The quality of an offer is that of the most specific range matching it (its media type, or an alias named exactly):
    /// `text/turtle` beats `text/*`, which beats `*/*`. The highest quality wins; at equal quality, the offer named
    /// more specifically, then the earlier offer (so list the default first). Without an `Accept` header, or with one
    /// that has no well-formed range, the first offer is chosen.
    /// - Parameters:
    ///   - offers: in the server's order of preference; must not be empty.
    ///   - accept: the header's value(s), joined with commas.
    package static func choose<Value>(from offers: [Offer<Value>], accept: String?) -> Offer<Value>? {
        chooseIndex(from: offers, accept: accept).map { offers[$0] }
    }

    /// The offer `accept` prefers among `offers`, by the rules above; each header's choice is made once per list and
    /// remembered there (clients send the same few `Accept` headers again and again).
    package static func choose<Value>(from offers: Offers<Value>, accept: String?) -> Offer<Value>? {
        guard let accept, !accept.isEmpty else { return offers.list.first }
        if let known = offers.choices.withLock({ $0[accept] }) { return known.map { offers.list[$0] } }
        let chosen = chooseIndex(from: offers.list, accept: accept)
        offers.choices.withLock { choices in
            if choices.count >= Offers<Value>.remembered { choices.removeAll() }
            choices[accept] = .some(chosen)
        }
        return chosen.map { offers.list[$0] }
    }

    /// The index of the offer `accept` prefers, computed.
    private static func chooseIndex<Value>(from offers: [Offer<Value>], accept: String?) -> Int? {
        guard !offers.isEmpty else { return nil }
        guard let accept, !accept.trimmed.isEmpty else { return 0 }
        let ranges = MediaRange.parseAccept(accept)
        guard !ranges.isEmpty else { return 0 }
        var best: (index: Int, quality: Double, specificity: Int)?
        for (index, offer) in offers.enumerated() {
            guard let (quality, specificity) = match(offer, ranges), quality > 0 else { continue }
            if let current = best, (current.quality, current.specificity) >= (quality, specificity) { continue }
            best = (index, quality, specificity)
        }
        return best?.index
    }

    /// The quality and specificity of the most specific range matching any of the offer's types.
    private static func match<Value>(_ offer: Offer<Value>, _ ranges: [MediaRange]) -> (Double, Int)? {
        var best: (quality: Double, specificity: Int)?
        for index in 0...offer.aliases.count {
            let mediaType = index == 0 ? offer.mediaType : offer.aliases[index - 1]
            for range in ranges {
                guard let specificity = range.specificity(for: mediaType) else { continue }
                // Wildcards match an offer by its own media type only: `text/*` must not pick RDF/XML for its alias
                // `text/xml`, nor `application/*` Turtle for `application/x-turtle`.
                if index > 0 && specificity < 2 { continue }
                if let current = best {
                    // The most specific range decides; among equally specific ones, the best quality.
                    if specificity < current.specificity { continue }
                    if specificity == current.specificity && range.quality <= current.quality { continue }
                }
                best = (range.quality, specificity)
            }
        }
        return best
    }
}
