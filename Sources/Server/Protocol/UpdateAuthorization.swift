import Foundation
import Resolver

/// Who may write: a request bearing the configured update token, as `Authorization: Bearer TOKEN` or as the password
/// of `Authorization: Basic` (any user name), which is what SPARQLWrapper, Jena and curl's `-u` send.
package struct UpdateAuthorization: Sendable {
    /// `nil` turns every write off.
    package let token: String?
    /// Set on a replica, which refuses every write (405) and names its primary.
    package let replicaOf: (any ReplicaStatusSource)?

    package init(token: String?, replicaOf: (any ReplicaStatusSource)? = nil) {
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.replicaOf = replicaOf
    }

    /// Checks an `Authorization` header value.
    /// - Throws: `RequestError.updatesDisabled` if no token is configured; `.unauthorized` if the header is missing,
    ///   malformed or carries another token.
    package func check(_ authorization: String?) throws(RequestError) {
        if let replicaOf { throw .readOnlyReplica(primary: replicaOf.replicaStatus.primaryURL) }
        guard let token else { throw .updatesDisabled }
        guard let presented = Self.credential(in: authorization), Self.constantTimeEqual(presented, token) else {
            throw .unauthorized
        }
    }

    /// The token a header presents: the Bearer token, or the Basic password.
    static func credential(in authorization: String?) -> String? {
        guard let authorization else { return nil }
        let parts = authorization.trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let value = parts[1].trimmed
        switch parts[0].lowercased() {
        case "bearer": return value
        case "basic":
            guard let data = Data(base64Encoded: value), let pair = String(data: data, encoding: .utf8),
                let colon = pair.firstIndex(of: ":")
            else { return nil }
            return String(pair[pair.index(after: colon)...])
        default: return nil
        }
    }

    /// Compares without returning early, so response times do not reveal how much of a guess was right.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
