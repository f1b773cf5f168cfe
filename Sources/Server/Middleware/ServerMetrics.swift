package import Prometheus
package import Store
import Synchronization

/// The server's Prometheus metrics, in a registry of its own (not the process-wide `MetricsSystem`, which can be
/// bootstrapped once per process: tests run many servers).
package final class ServerMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    private let queryDuration: DurationHistogram
    private let timeouts: Counter
    private let storeQuads: Gauge
    private let storeGraphs: Gauge

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "lodestar",
            subsystem: "http",
            metricName: "requests",
            unitName: "total",
            helpText: "HTTP requests answered, by route pattern, method and status"
        )
    }
    private static var requestDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "lodestar",
            subsystem: "http",
            metricName: "request_duration",
            unitName: "seconds",
            helpText: "HTTP requests from receipt to the last byte of the answer, by route pattern"
        )
    }
    private static let requestBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(10), .milliseconds(100), .seconds(1), .seconds(10), .seconds(60),
    ]

    package init() {
        let buckets: [Duration] = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500),
            .seconds(1), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300),
        ]
        queryDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "lodestar",
                subsystem: "query",
                metricName: "duration",
                unitName: "seconds",
                helpText: "SPARQL queries from receipt to the last byte of the answer"
            ),
            buckets: buckets
        )
        timeouts = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "lodestar",
                subsystem: "query",
                metricName: "timeouts",
                unitName: "total",
                helpText: "SPARQL queries stopped by their time limit"
            )
        )
        storeQuads = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "lodestar",
                subsystem: "store",
                metricName: "quads",
                unitName: "",
                helpText: "Quads in the store, in every graph"
            )
        )
        storeGraphs = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "lodestar",
                subsystem: "store",
                metricName: "named_graphs",
                unitName: "",
                helpText: "Named graphs holding at least one quad"
            )
        )
    }

    /// Counts one answered request.
    /// - Parameter route: the route pattern (`/sparql`, `/graphs/{id}`), never the raw path.
    package func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestLabels(route: route, method: method, status: status)
        // The registry builds each metric's name on every lookup: keep the metrics of labels already seen.
        let metrics = requestMetrics.withLock { cache in
            if let known = cache[key] { return known }
            let labels = [("route", route), ("method", method), ("status", String(status))]
            let made = (
                registry.makeCounter(descriptor: Self.requests, labels: labels),
                registry.makeDurationHistogram(descriptor: Self.requestDuration, labels: [("route", route)], buckets: Self.requestBuckets)
            )
            cache[key] = made
            return made
        }
        metrics.0.increment()
        metrics.1.record(duration)
    }

    /// The labels of one request counter.
    private struct RequestLabels: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private let requestMetrics = Mutex<[RequestLabels: (Counter, DurationHistogram)]>([:])

    package func recordQuery(duration: Duration) { queryDuration.record(duration) }

    package func recordTimeout() { timeouts.increment() }

    /// The exposition text, with the store gauges read from `snapshot` first.
    package func exposition(snapshot: Snapshot) -> [UInt8] {
        storeQuads.set(Double(snapshot.count))
        storeGraphs.set(Double(snapshot.namedGraphs.count))
        return registry.emitToBuffer()
    }
}
