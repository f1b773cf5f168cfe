import Federation
import Foundation

/// The HTML pages of `/sources`: every value escaped.
enum SourcePages {
    static func list(_ sources: [HarvestSource], lastRuns: [HarvestReport?]) -> String {
        var rows = ""
        for (source, last) in zip(sources, lastRuns) {
            let name = HTML.escape(source.name)
            rows += "<tr><td><a href=\"/sources/\(name)\">\(name)</a></td><td>\(HTML.escape(source.title ?? ""))</td>"
            rows += "<td>\(HTML.escape(source.url))</td><td>\(HTML.escape(last.map { "\($0.outcome.rawValue) (run \($0.run))" } ?? "never run"))</td></tr>\n"
        }
        return page("Federation sources", "<table><tr><th>Name</th><th>Title</th><th>URL</th><th>Last run</th></tr>\n\(rows)</table>")
    }

    static func source(_ source: HarvestSource, history: [HarvestReport]) -> String {
        var rows = ""
        for report in history.reversed() {
            let link = "/sources/\(HTML.escape(source.name))/runs/\(report.run)"
            rows += "<tr><td><a href=\"\(link)\">\(report.run)</a></td><td>\(HTML.escape(report.outcome.rawValue))</td>"
            rows += "<td>\(HTML.escape(ISO8601DateFormatter().string(from: report.started)))</td><td>\(HTML.escape(report.summary))</td></tr>\n"
        }
        let body = """
            <p>URL: \(HTML.escape(source.url))</p>
            <table><tr><th>Run</th><th>Outcome</th><th>Started</th><th>Summary</th></tr>
            \(rows)</table>
            """
        return page("Source \(source.name)", body)
    }

    static func run(_ report: HarvestReport) -> String {
        var body = "<p>\(HTML.escape(report.summary))</p>\n<dl>"
        let facts: [(String, String?)] = [
            ("Outcome", report.outcome.rawValue), ("URL", report.url), ("HTTP status", report.httpStatus.map(String.init)),
            ("ETag", report.etag), ("Last-Modified", report.lastModified), ("SHA-256", report.sha256), ("Bytes", String(report.bytes)),
            ("Triples parsed", String(report.parsedTriples)), ("Out of scope", String(report.droppedByScope)),
            ("Errors", String(report.errorCount)), ("Warnings", String(report.warningCount)),
            ("New", String(report.count(.new))), ("Changed", String(report.count(.changed))),
            ("Unchanged", String(report.count(.unchanged))), ("Removed", String(report.count(.removed))),
        ]
        for case (let name, let value?) in facts { body += "<dt>\(HTML.escape(name))</dt><dd>\(HTML.escape(value))</dd>" }
        body += "</dl>\n"
        if let failure = report.failure {
            let position = failure.line.map { " at line \($0)" + (failure.column.map { ", column \($0)" } ?? "") } ?? ""
            body += "<p class=\"error\">\(HTML.escape(failure.step)) failed\(HTML.escape(position)): \(HTML.escape(failure.message))</p>\n"
        }
        if !report.violations.isEmpty {
            body += "<table><tr><th>Rule</th><th>Severity</th><th>Class</th><th>Property</th><th>Subject</th><th>Message</th></tr>\n"
            for violation in report.violations {
                let cells = [violation.rule, violation.severity.rawValue, violation.className, violation.property, violation.subject ?? "", violation.message]
                body += "<tr>" + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table>\n"
        }
        if !report.solutions.isEmpty {
            body += "<table><tr><th>Solution</th><th>Title</th><th>Classification</th></tr>\n"
            for solution in report.solutions {
                body += "<tr><td>\(HTML.escape(solution.iri))</td><td>\(HTML.escape(solution.title ?? ""))</td><td>\(solution.classification.rawValue)</td></tr>\n"
            }
            body += "</table>\n"
        }
        return page("Run \(report.run) of \(report.source)", body)
    }

    private static func page(_ title: String, _ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title></head>
        <body><h1>\(HTML.escape(title))</h1>
        \(body)
        </body></html>
        """
    }
}
