import Foundation

/// A local HTTP server for tests that fetch documents (harvests, `LOAD <http://…>`): Python's http.server on
/// 127.0.0.1 at a free port, serving a folder. Files go out with their RDF media type (by extension), a strong ETag
/// and Last-Modified; If-None-Match gets a 304. `/error` is a 500, `/slow` never answers, `/moved/X` redirects (301)
/// to `/X`, and `/gz/X` is `/X` gzip-encoded for a client that accepts it.
///
/// ```swift
/// let server = try LocalHTTPServer(serving: folder)
/// defer { server.stop() }
/// fetch(server.base + "/data.ttl")
/// ```
public final class LocalHTTPServer {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public let base: String
    private let process: Process

    static let script = """
        import http.server, hashlib, sys, time, os, email.utils, gzip
        root = sys.argv[1]
        types = {".rdf": "application/rdf+xml; charset=utf-8", ".ttl": "text/turtle;charset=UTF-8", ".html": "text/html",
                 ".nt": "application/n-triples", ".nq": "application/n-quads"}
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def empty(self, status, headers={}):
                self.send_response(status)
                for name, value in headers.items(): self.send_header(name, value)
                self.send_header("Content-Length", "0"); self.end_headers()
            def do_GET(self):
                if self.path == "/error": return self.empty(500)
                if self.path == "/slow":
                    time.sleep(120); return
                if self.path.startswith("/moved/"): return self.empty(301, {"Location": self.path[len("/moved"):]})
                gzipped = self.path.startswith("/gz/") and "gzip" in self.headers.get("Accept-Encoding", "")
                path = os.path.join(root, self.path[len("/gz/"):] if self.path.startswith("/gz/") else self.path.lstrip("/"))
                if not os.path.isfile(path): return self.empty(404)
                body = open(path, "rb").read()
                if gzipped: body = gzip.compress(body)
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag: return self.empty(304, {"ETag": etag})
                self.send_response(200)
                self.send_header("Content-Type", types.get(os.path.splitext(path)[1], "application/octet-stream"))
                self.send_header("ETag", etag)
                if gzipped: self.send_header("Content-Encoding", "gzip")
                self.send_header("Last-Modified", email.utils.formatdate(os.path.getmtime(path), usegmt=True))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Starts the server over `folder` and waits until it listens.
    /// - Throws: if python3 cannot start or prints no port.
    public init(serving folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, folder]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the local HTTP server printed no port"])
        }
        self.process = process
        base = "http://127.0.0.1:\(port)"
    }

    /// Stops the server. SIGKILL: a child inherits the test thread's blocked signals, SIGTERM among them.
    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
