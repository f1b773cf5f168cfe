package import Foundation

/// A `Range` request header against a file of known size (RFC 9110 §14.2). Only single ranges are served: a
/// multi-range request gets the whole file (200), which RFC 9110 allows.
package enum ByteRangeRequest: Equatable, Sendable {
    /// No usable `Range`: send everything.
    case whole
    /// Send these bytes (206).
    case part(ClosedRange<Int>)
    /// The range lies beyond the end (416).
    case unsatisfiable

    /// Reads `header` (`bytes=0-99`, `bytes=100-`, `bytes=-500`) for a file of `size` bytes. A header in another unit
    /// or malformed is ignored, as RFC 9110 says.
    package init(header: String?, size: Int) {
        guard let header, header.lowercased().hasPrefix("bytes="), !header.contains(",") else {
            self = .whole
            return
        }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            self = .whole
            return
        }
        let first = parts[0].isEmpty ? nil : Int(parts[0])
        let last = parts[1].isEmpty ? nil : Int(parts[1])
        if parts[0].isEmpty {
            // A suffix: the last N bytes.
            guard let length = last, length >= 0 else {
                self = .whole
                return
            }
            guard length > 0, size > 0 else {
                self = .unsatisfiable
                return
            }
            self = .part(max(0, size - length)...(size - 1))
            return
        }
        guard let start = first, start >= 0, parts[1].isEmpty || (last != nil && last! >= start) else {
            self = .whole
            return
        }
        guard start < size else {
            self = .unsatisfiable
            return
        }
        self = .part(start...min(last ?? (size - 1), size - 1))
    }
}

/// HTTP dates (RFC 9110 §5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`.
package enum HTTPDate {
    package static func format(_ date: Date) -> String { formatter().string(from: date) }

    /// The date, or `nil` for anything but the preferred format (the obsolete ones are not worth a 304).
    package static func parse(_ text: String) -> Date? { formatter().date(from: text.trimmingCharacters(in: .whitespaces)) }

    /// A new formatter per call: `DateFormatter` is not `Sendable`, and dates are formatted a few times per request.
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
