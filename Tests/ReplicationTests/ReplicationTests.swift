import Foundation
import TestKit
import Testing

/// Issue 14: a primary ships every write to a change log in PostgreSQL; replicas bootstrap from its dump and follow.
/// One PostgreSQL for the suite (a database per test); serialised, since one test restarts it.
@Suite(.serialized)
struct ReplicationTests {
    /// A fresh store directory and log database for one test.
    private func setUp(_ name: String) throws -> (directory: String, log: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-repl-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = try PostgresServer.running().url(database: name + "_" + UUID().uuidString.prefix(6).lowercased())
        return (directory, log)
    }

    private func insert(_ label: String) -> String {
        "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/\(label)> <http://purl.org/dc/terms/title> \"\(label)\" ; "
            + "<http://purl.org/dc/terms/creator> [ <http://xmlns.com/foaf/0.1/name> \"author of \(label)\" ] } }"
    }

    /// Replicas hold exactly the primary's quads (blank-node labels included) at the same version.
    private func expectSameContent(_ primary: LodestarNode, _ replicas: [LodestarNode]) async throws {
        let version = try await primary.version()
        let expected = try await primary.content()
        #expect(expected.version == String(version))
        for replica in replicas {
            try await replica.waitForVersion(version)
            let content = try await replica.content()
            #expect(content.version == expected.version, "replica \(replica.url)")
            #expect(content.lines == expected.lines, "replica \(replica.url) differs from the primary")
        }
    }

    @Test func aWriteOnThePrimaryIsReadableOnTwoReplicas() async throws {
        let (directory, log) = try setUp("read")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let primary = LodestarNode(store: directory + "/primary", port: 18301, ["--replicate-to", log])
        try await primary.start()
        defer { primary.stop() }
        for index in 0..<5 { #expect(try await primary.update(insert("before\(index)")).status == 204) }
        // One replica follows the log from its start; the other starts from the primary's dump at version 5.
        let fromLog = LodestarNode(store: directory + "/replica1", port: 18302, ["--replica-of", log])
        let fromDump = LodestarNode(store: directory + "/replica2", port: 18303, ["--replica-of", log, "--bootstrap", primary.url])
        try await fromLog.start()
        defer { fromLog.stop() }
        try await fromDump.start()
        defer { fromDump.stop() }
        for index in 0..<5 { #expect(try await primary.update(insert("after\(index)")).status == 204) }
        #expect(try await primary.update("DELETE WHERE { GRAPH ?g { <http://example.org/before0> ?p ?o } }").status == 204)
        #expect(try await primary.version() == 11)
        try await expectSameContent(primary, [fromLog, fromDump])
        let refused = try await fromDump.update(insert("on-a-replica"))
        #expect(refused.status == 405)
        #expect(refused.body.contains(primary.url), "the refusal names the primary: \(refused.body)")
        let health = try await fromLog.health()
        #expect(health.contains("role: replica") && health.contains("lag-records: 0"), "\(health)")
        let metrics = try await fromLog.get("/metrics").body
        #expect(metrics.contains("lodestar_replica_version 11"))
    }

    @Test func aReplicaKilledMidStreamConverges() async throws {
        let (directory, log) = try setUp("kill")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let primary = LodestarNode(store: directory + "/primary", port: 18311, ["--replicate-to", log])
        try await primary.start()
        defer { primary.stop() }
        let replica = LodestarNode(store: directory + "/replica", port: 18312, ["--replica-of", log])
        try await replica.start()
        defer { replica.stop() }
        let writer = Task {
            for index in 0..<60 { _ = try await primary.update(insert("w\(index)")) }
        }
        try await replica.waitForVersion(20)
        replica.kill9()
        try await replica.start()  // catches up from its own version
        try await writer.value
        #expect(try await primary.version() == 60)
        try await expectSameContent(primary, [replica])
    }

    @Test func theLogRefusesASecondPrimary() async throws {
        let (directory, log) = try setUp("second")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let primary = LodestarNode(store: directory + "/primary", port: 18321, ["--replicate-to", log])
        try await primary.start()
        defer { primary.stop() }
        #expect(try await primary.update(insert("one")).status == 204)
        let second = LodestarNode(store: directory + "/second", port: 18322, ["--replicate-to", log])
        let (status, message) = try second.runToExit()
        #expect(status != 0)
        #expect(message.contains("another primary"), "\(message)")
        #expect(try await primary.update(insert("two")).status == 204)
        #expect(try await primary.version() == 2)
    }

    /// A primary whose store is behind the log (writes it shipped but never wrote, or a new machine taking over) applies
    /// the log's records before it serves; one whose store is ahead of the log refuses to start.
    @Test func aPrimaryBehindTheLogCatchesUpFirst() async throws {
        let (directory, log) = try setUp("behind")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = LodestarNode(store: directory + "/first", port: 18351, ["--replicate-to", log])
        try await first.start()
        for index in 0..<4 { #expect(try await first.update(insert("p\(index)")).status == 204) }
        let expected = try await first.content()
        first.stop()
        let second = LodestarNode(store: directory + "/second", port: 18352, ["--replicate-to", log])
        try await second.start()
        let content = try await second.content()
        #expect(content.version == "4")
        #expect(content.lines == expected.lines)
        #expect(try await second.update(insert("p4")).status == 204)
        second.stop()
        // The first store, written twice without the log (version 6, the log's head at 5), may not ship to it.
        let alone = LodestarNode(store: directory + "/first", port: 18353, [])
        try await alone.start()
        for index in 0..<2 { #expect(try await alone.update(insert("alone\(index)")).status == 204) }
        alone.stop()
        let (status, message) = try LodestarNode(store: directory + "/first", port: 18354, ["--replicate-to", log]).runToExit()
        #expect(status != 0 && message.contains("writes the log never had"), "\(message)")
    }

    @Test func postgresRestartedMidStreamLosesNothing() async throws {
        let postgres = try PostgresServer.running()
        let (directory, log) = try setUp("restart")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let primary = LodestarNode(store: directory + "/primary", port: 18331, ["--replicate-to", log])
        try await primary.start()
        defer { primary.stop() }
        let replica = LodestarNode(store: directory + "/replica", port: 18332, ["--replica-of", log])
        try await replica.start()
        defer { replica.stop() }
        var acknowledged = [String](), refused = 0
        for index in 0..<40 {
            if index == 15 { postgres.stop() }
            if index == 25 { try postgres.start() }
            let (status, body) = try await primary.update(insert("r\(index)"))
            if status == 204 {
                acknowledged.append("r\(index)")
            } else {
                #expect(status == 503, "\(body)")
                refused += 1
            }
        }
        #expect(refused >= 10, "writes while PostgreSQL is down are refused")
        #expect(acknowledged.count == 40 - refused)
        try await expectSameContent(primary, [replica])
        let lines = try await replica.content().lines
        for label in acknowledged {
            #expect(lines.contains { $0.hasPrefix("<http://example.org/\(label)> <http://purl.org/dc/terms/title>") }, "\(label) is lost")
        }
        #expect(try await primary.version() == UInt64(acknowledged.count))
    }

    @Test func aReplicaTrimmedPastBootstrapsAgainFromABackup() async throws {
        let postgres = try PostgresServer.running()
        let (directory, log) = try setUp("trim")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let primary = LodestarNode(store: directory + "/primary", port: 18341, ["--replicate-to", log])
        try await primary.start()
        defer { primary.stop() }
        let early = LodestarNode(store: directory + "/replica", port: 18342, ["--replica-of", log])
        try await early.start()  // a new store and a log that starts at 1: no bootstrap needed
        for index in 0..<5 { #expect(try await primary.update(insert("a\(index)")).status == 204) }
        try await early.waitForVersion(5)
        early.stop()
        let replica = LodestarNode(store: directory + "/replica", port: 18342, ["--replica-of", log, "--bootstrap", directory + "/backup"])
        for index in 0..<5 { #expect(try await primary.update(insert("b\(index)")).status == 204) }
        let backup = try PostgresServer.shell("\(LodestarNode.executable) backup --store \(directory)/primary \(directory)/backup")
        // The log forgets records 1-8: the stopped replica (at 5) can no longer follow it from its own version.
        try postgres.sql("DELETE FROM lodestar_log WHERE seq <= 8", database: String(log.split(separator: "/").last!))
        try await replica.start()
        defer { replica.stop() }
        for index in 0..<3 { #expect(try await primary.update(insert("c\(index)")).status == 204) }
        #expect(try await primary.version() == 13)
        try await expectSameContent(primary, [replica])
        #expect(FileManager.default.fileExists(atPath: directory + "/backup"), "\(backup)")
    }

    /// PostgreSQL with a synchronous streaming standby; the primary dies and the standby is promoted mid-stream: every
    /// acknowledged write is on the new log, the Lodestar primary goes on writing to it, and the replica follows it.
    @Test func aFailoverToTheStandbyLosesNoAcknowledgedWrite() async throws {
        let first = try PostgresServer(port: FreePort.loopback())
        defer { first.stop(); first.remove() }
        let standby = try PostgresServer(port: FreePort.loopback(), standbyOf: first)
        defer { standby.stop(); standby.remove() }
        _ = try first.url(database: "failover")
        let log = "postgresql://postgres@127.0.0.1:\(first.port),127.0.0.1:\(standby.port)/failover?target_session_attrs=read-write&connect_timeout=2"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodestar-repl-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let primary = LodestarNode(store: directory + "/primary", port: 18361, ["--replicate-to", log])
        try await primary.start()
        defer { primary.stop() }
        let replica = LodestarNode(store: directory + "/replica", port: 18362, ["--replica-of", log])
        try await replica.start()
        defer { replica.stop() }
        var acknowledged = [String]()
        for index in 0..<30 {
            if index == 15 {
                first.stop()
                try standby.promote()
            }
            if try await primary.update(insert("f\(index)")).status == 204 { acknowledged.append("f\(index)") }
        }
        #expect(acknowledged.count >= 20)
        try await expectSameContent(primary, [replica])
        let lines = try await replica.content().lines
        for label in acknowledged {
            #expect(lines.contains { $0.hasPrefix("<http://example.org/\(label)> <http://purl.org/dc/terms/title>") }, "\(label) is lost")
        }
        #expect(try await primary.version() == UInt64(acknowledged.count))
    }
}
