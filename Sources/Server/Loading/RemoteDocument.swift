public import RDF
public import Store
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A document that SPARQL Update's LOAD names by an `http:` or `https:` IRI, fetched before the write starts (so a
/// slow server never holds up the store's writer) and parsed inside it.
public struct RemoteDocument: Sendable {
    /// The IRI the request named (the base IRI for relative references, unless the server redirected).
    public var iri: IRI
    /// Where the body came from after redirects.
    public var finalURL: String
    /// The `Content-Type` without parameters, lowercased, if the server sent one.
    public var mediaType: String?
    public var bytes: [UInt8]
}

/// How far LOAD may go fetching a remote document.
public struct RemoteLoadPolicy: Sendable {
    /// The whole fetch, from connecting to the last byte.
    public var timeout: Duration
    /// The largest body read; a larger one is refused as soon as it is known to be larger.
    public var maximumBytes: Int

    public init(timeout: Duration = .seconds(60), maximumBytes: Int = LoadDocuments.maximumBytes) {
        self.timeout = timeout
        self.maximumBytes = maximumBytes
    }

    /// What LOAD asks for: every RDF syntax Lodestar reads, those that carry graph names and Turtle first.
    static let accept = RDFFormat.acceptHeader(preferring: [.turtle, .ntriples, .nquads, .trig], then: [.rdfxml, .jsonLD])

    /// Whether `iri` is fetched over HTTP rather than read from a file.
    public static func isRemote(_ iri: IRI) -> Bool {
        let value = iri.value.lowercased()
        return value.hasPrefix("http://") || value.hasPrefix("https://")
    }

    /// Fetches `iri`, following redirects.
    /// - Throws: `StoreError(.io)` naming the IRI: a status other than 2xx, a body over `maximumBytes`, the timeout, or a
    ///   network failure.
    public func fetch(_ iri: IRI) async throws -> RemoteDocument {
        guard let url = URL(string: iri.value), url.host != nil else { throw StoreError(.io, "LOAD <\(iri.value)>: not a URL that can be fetched") }
        var request = URLRequest(url: url)
        request.setValue(Self.accept, forHTTPHeaderField: "Accept")
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        request.timeoutInterval = seconds
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let receiver = BodyReceiver(iri: iri, maximumBytes: maximumBytes)
        let session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        // URLSession's own timeouts count idle time; this one bounds the whole fetch.
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            receiver.timeOut()
        }
        defer { watchdog.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                receiver.start(session.dataTask(with: request), continuation: continuation)
            }
        } onCancel: {
            receiver.cancel()
        }
    }
}

/// Collects one response body, refusing it once it passes the size limit.
///
/// `@unchecked Sendable`: URLSession calls it on its delegate queue while the fetching task may cancel it; every field
/// is read and written under `lock`.
private final class BodyReceiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let iri: IRI
    private let maximumBytes: Int
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var continuation: CheckedContinuation<RemoteDocument, any Error>?
    private var body: [UInt8] = []
    private var refusal: StoreError?

    init(iri: IRI, maximumBytes: Int) {
        self.iri = iri
        self.maximumBytes = maximumBytes
    }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<RemoteDocument, any Error>) {
        lock.withLock {
            self.task = task
            self.continuation = continuation
        }
        task.resume()
    }

    func cancel() { refuse(StoreError(.io, "LOAD <\(iri.value)>: cancelled")) }

    func timeOut() { refuse(StoreError(.io, "LOAD <\(iri.value)>: no complete answer within the timeout")) }

    private func refuse(_ error: StoreError) {
        let task = lock.withLock {
            if refusal == nil { refusal = error }
            return self.task
        }
        task?.cancel()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            refuse(StoreError(.io, "LOAD <\(iri.value)>: the server answered \(http.statusCode)"))
            completionHandler(.cancel)
            return
        }
        if response.expectedContentLength > Int64(maximumBytes) {
            refuse(tooLarge(response.expectedContentLength))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit = lock.withLock {
            body.append(contentsOf: data)
            return body.count > maximumBytes
        }
        if overLimit { refuse(tooLarge(nil)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, refusal, body) = lock.withLock {
            let result = (self.continuation, self.refusal, self.body)
            self.continuation = nil
            self.body = []
            return result
        }
        guard let continuation else { return }
        if let refusal {
            continuation.resume(throwing: refusal)
        } else if let error {
            let reason = (error as? URLError)?.code == .timedOut ? "no complete answer within the timeout" : error.localizedDescription
            continuation.resume(throwing: StoreError(.io, "LOAD <\(iri.value)>: \(reason)"))
        } else {
            let mediaType = task.response?.mimeType?.lowercased()
            let finalURL = task.response?.url?.absoluteString ?? iri.value
            continuation.resume(returning: RemoteDocument(iri: iri, finalURL: finalURL, mediaType: mediaType, bytes: body))
        }
    }

    private func tooLarge(_ announced: Int64?) -> StoreError {
        let size = announced.map { "\($0) bytes" } ?? "the body"
        return StoreError(.io, "LOAD <\(iri.value)>: \(size) is over the limit of \(maximumBytes) bytes")
    }
}
