#include "api/ProtoConvert.h"

#include <QTest>

#include <functional>

using namespace Continuo;
using namespace Continuo::Api;

class tst_ProtoConvert : public QObject
{
    Q_OBJECT

private:
    static Site site()
    {
        return Site{QStringLiteral("athens"), QStringLiteral("Athens edge"), SiteKind::Edge,
                    GeoLocation{QStringLiteral("Athens"), 37.98, 23.72},
                    {{QStringLiteral("zone"), QStringLiteral("athens-1")},
                     {QStringLiteral("owner"), QStringLiteral("ops")}}};
    }
    static Cluster cluster()
    {
        return Cluster{QStringLiteral("athens-k8s"), QStringLiteral("Athens K8s"),
                       QStringLiteral("athens"), BackendKind::Kubernetes,
                       QStringLiteral("kubernetes"), {{QStringLiteral("env"), QStringLiteral("prod")}}};
    }
    static Node node()
    {
        Node node;
        node.id = QStringLiteral("athens-n1");
        node.name = QStringLiteral("athens node 1");
        node.siteId = QStringLiteral("athens");
        node.clusterId = QStringLiteral("athens-k8s");
        node.capacity = Capacity{48.5, 256LL * 1024 * 1024 * 1024, 4LL * 1024 * 1024 * 1024 * 1024};
        node.arch = QStringLiteral("aarch64");
        node.labels = {{QStringLiteral("security-tier"), QStringLiteral("hardened")},
                       {QStringLiteral("ünïcode"), QStringLiteral("välue ✓")}};
        node.securityTier = SecurityTier::Confidential;
        node.state = NodeState::Maintenance;
        return node;
    }
    static Device device()
    {
        return Device{QStringLiteral("athens-n1-gpu0"), QStringLiteral("athens-n1"), DeviceKind::Fpga,
                      QStringLiteral("Xilinx Alveo U280"), 8LL * 1024 * 1024 * 1024, true};
    }
    static Switch fabricSwitch()
    {
        return Switch{QStringLiteral("s1"), QStringLiteral("spine 1"), QString(),
                      QStringLiteral("bmv2"), QStringLiteral("127.0.0.1:9559"), 32,
                      SwitchState::Degraded};
    }
    static Link link()
    {
        return Link{QStringLiteral("s1-s2"), LinkEndpoint{QStringLiteral("s1"), 3},
                    LinkEndpoint{QStringLiteral("s2"), 7}, 100'000'000'000LL, 0.25, LinkState::Down};
    }
    static StorageLocation storage()
    {
        return StorageLocation{QStringLiteral("athens-store"), QStringLiteral("Athens store"),
                               QStringLiteral("athens"), StorageKind::Edge, 0.023, 1.5,
                               1LL << 42};
    }

    template<typename T, typename P>
    static void checkRoundTrip(const T &value)
    {
        P message;
        toProto(value, &message);
        // Through the wire format too, not only the in-memory message.
        P parsed;
        QVERIFY(parsed.ParseFromString(message.SerializeAsString()));
        const T back = fromProto(parsed);
        QCOMPARE(back, value);
    }

private Q_SLOTS:
    void entities()
    {
        checkRoundTrip<Site, v1::Site>(site());
        checkRoundTrip<Cluster, v1::Cluster>(cluster());
        checkRoundTrip<Node, v1::Node>(node());
        checkRoundTrip<Device, v1::Device>(device());
        checkRoundTrip<Switch, v1::Switch>(fabricSwitch());
        checkRoundTrip<Link, v1::Link>(link());
        checkRoundTrip<StorageLocation, v1::StorageLocation>(storage());
        // Defaults survive too (empty strings, zero numbers, Unknown enums).
        checkRoundTrip<Node, v1::Node>(Node{});
        checkRoundTrip<Site, v1::Site>(Site{});
    }

    void entityVariant_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 7; ++i)
            QTest::addRow("%s", qPrintable(toString(static_cast<EntityKind>(i + 1)))) << i;
    }

    void entityVariant()
    {
        QFETCH(int, index);
        const QList<Entity> all = {site(), cluster(), node(), device(), fabricSwitch(), link(), storage()};
        const Entity &entity = all.at(index);
        v1::Entity message;
        toProto(entity, &message);
        QCOMPARE(int(message.value_case()), index + 1);
        const auto back = fromProto(message);
        QVERIFY(back.has_value());
        QCOMPARE(toString(entityKind(*back)), toString(entityKind(entity)));
        QVERIFY(*back == entity);
    }

    void emptyEntity()
    {
        QVERIFY(!fromProto(v1::Entity()).has_value());
    }

    void snapshot()
    {
        InventorySnapshot snapshot;
        snapshot.revision = 42;
        snapshot.sites = {site()};
        snapshot.clusters = {cluster()};
        snapshot.nodes = {node(), Node{}};
        snapshot.devices = {device()};
        snapshot.switches = {fabricSwitch()};
        snapshot.links = {link()};
        snapshot.storageLocations = {storage()};
        checkRoundTrip<InventorySnapshot, v1::InventorySnapshot>(snapshot);
    }

    void deltas()
    {
        InventoryDelta upsert;
        upsert.operation = DeltaOperation::Upsert;
        upsert.revision = 7;
        upsert.kind = EntityKind::Node;
        upsert.id = node().id;
        upsert.entity = node();
        checkRoundTrip<InventoryDelta, v1::InventoryDelta>(upsert);

        InventoryDelta remove;
        remove.operation = DeltaOperation::Remove;
        remove.revision = 8;
        remove.kind = EntityKind::Link;
        remove.id = link().id;
        checkRoundTrip<InventoryDelta, v1::InventoryDelta>(remove);
    }

    void event()
    {
        Event event;
        event.sequence = 123456789012LL;
        event.type = QStringLiteral("Resources.Status");
        event.timestampMs = 1'700'000'000'123LL;
        event.severity = EventSeverity::Critical;
        event.source = QStringLiteral("plugin:simulator");
        event.subjectId = QStringLiteral("athens-n1");
        event.message = QStringLiteral("node athens-n1 is down ✗");
        event.payload = {{QStringLiteral("status"), QStringLiteral("DOWN")},
                         {QStringLiteral("cpu"), 0.5},
                         {QStringLiteral("nested"), QJsonObject{{QStringLiteral("a"), 1}}}};
        checkRoundTrip<Event, v1::Event>(event);
        checkRoundTrip<Event, v1::Event>(Event{});
    }

    void auditEntry()
    {
        AuditEntry entry{17, 1'700'000'000'000LL, QStringLiteral("user:alice"),
                         QStringLiteral("node.set_state"), QStringLiteral("athens-n1"),
                         {{QStringLiteral("from"), QStringLiteral("ready")},
                          {QStringLiteral("to"), QStringLiteral("draining")}}};
        checkRoundTrip<AuditEntry, v1::AuditEntry>(entry);
    }

    void pluginInfoAndStatus()
    {
        PluginInfo plugin;
        plugin.metadata = PluginMetadata{QStringLiteral("slurm"), QStringLiteral("Slurm"),
                                         QStringLiteral("1.2.3"), QStringLiteral("1.0.0"), 1,
                                         QStringLiteral("compute"), QStringLiteral("Slurm backend"),
                                         {{QStringLiteral("core"), QStringLiteral("0.1")}}};
        plugin.filePath = QStringLiteral("/usr/lib/continuo/plugins/libslurm.so");
        plugin.state = PluginState::Failed;
        plugin.errorString = QStringLiteral("munge is not running");
        checkRoundTrip<PluginInfo, v1::PluginInfo>(plugin);

        EngineStatus status;
        status.state = EngineState::Running;
        status.stateMessage = QStringLiteral("all good");
        status.version = QStringLiteral("0.1.0");
        status.hostName = QStringLiteral("host");
        status.dataDirectory = QStringLiteral("/var/lib/continuo");
        status.scenario = QStringLiteral("demo");
        status.startedAtMs = 1'700'000'000'000LL;
        status.inventoryRevision = 99;
        status.siteCount = 3;
        status.nodeCount = 60;
        status.switchCount = 5;
        status.linkCount = 12;
        status.seriesCount = 1234;
        status.samplesIngestedTotal = 9'876'543'210LL;
        status.lastEventSequence = 555;
        status.plugins = {plugin};
        checkRoundTrip<EngineStatus, v1::EngineStatus>(status);
    }

    void telemetry()
    {
        SeriesBatch batch;
        batch.metric = QStringLiteral("node_cpu_utilisation");
        batch.labels = {{QStringLiteral("node"), QStringLiteral("athens-n1")},
                        {QStringLiteral("site"), QStringLiteral("athens")}};
        batch.samples = {{1000, 0.25}, {2000, 0.5}, {3000, -1e300}};
        checkRoundTrip<SeriesBatch, v1::SeriesBatch>(batch);
        checkRoundTrip<Sample, v1::Sample>(Sample{42, 3.5});
    }

    void unknownEnumNumbersBecomeUnknown()
    {
        v1::Node message;
        message.set_id("n");
        message.set_state(static_cast<v1::NodeState>(77));
        message.set_security_tier(static_cast<v1::SecurityTier>(-3));
        const Node node = fromProto(message);
        QCOMPARE(toString(node.state), toString(NodeState::Unknown));
        QCOMPARE(toString(node.securityTier), toString(SecurityTier::Unknown));
        QVERIFY(!nodeStateFromProto(77).has_value());
        QCOMPARE(toString(nodeStateFromProto(4).value()), toString(NodeState::Draining));
    }

    void alertsAndSilences()
    {
        Alert alert;
        alert.id = QStringLiteral("a-1");
        alert.ruleId = QStringLiteral("hot-node-cpu");
        alert.state = AlertState::Firing;
        alert.severity = AlertSeverity::Critical;
        alert.groupKey = QStringLiteral("node:n1");
        alert.nodeId = QStringLiteral("n1");
        alert.siteId = QStringLiteral("athens");
        alert.switchIds = {QStringLiteral("s1"), QStringLiteral("s2")};
        alert.metrics = {QStringLiteral("node_cpu_utilisation")};
        alert.seriesKeys = {QStringLiteral("node_cpu_utilisation{node=\"n1\"}")};
        alert.labels = {{QStringLiteral("node"), QStringLiteral("n1")},
                        {QStringLiteral("rule"), QStringLiteral("hot-node-cpu")}};
        alert.startedAtMs = 1000;
        alert.firedAtMs = 2000;
        alert.updatedAtMs = 2500;
        alert.value = 0.97;
        alert.peakValue = 0.99;
        alert.threshold = 0.9; // score stays NaN: NaN crosses the wire as NaN
        alert.contributions = {{QStringLiteral("node_cpu_utilisation"), 0.75},
                               {QStringLiteral("node_memory_utilisation"), 0.25}};
        alert.workloads = {QStringLiteral("web")};
        alert.acknowledgedBy = QStringLiteral("user:alice");
        alert.acknowledgedAtMs = 3000;
        alert.silencedBy = QStringLiteral("s-1");
        alert.summary = QStringLiteral("n1: CPU 97 %");
        checkRoundTrip<Alert, v1::Alert>(alert);

        Silence silence;
        silence.id = QStringLiteral("s-1");
        silence.matchers = {{QStringLiteral("node"), QStringLiteral("n1")}};
        silence.createdBy = QStringLiteral("user:alice");
        silence.comment = QStringLiteral("kernel update");
        silence.createdAtMs = 1;
        silence.startsAtMs = 2;
        silence.endsAtMs = 3;
        silence.expiredBy = QStringLiteral("user:bob");
        checkRoundTrip<Silence, v1::Silence>(silence);

        v1::Alert unknown;
        unknown.set_state(static_cast<v1::AlertState>(9));
        unknown.set_severity(static_cast<v1::AlertSeverity>(-1));
        QCOMPARE(toString(fromProto(unknown).state), toString(AlertState::Unknown));
        QCOMPARE(toString(fromProto(unknown).severity), toString(AlertSeverity::Unknown));
    }

    void alertRules()
    {
        auto rule =
            AlertRule::parse(QStringLiteral("edge-hot"),
                             QStringLiteral("node_cpu_utilisation{site=~\"edge-.*\",node!=\"x\"} "
                                            "> 0.9 for 2m clear 1m margin 0.05"));
        QVERIFY2(rule, qPrintable(rule.error()));
        rule->severity = AlertSeverity::Critical;
        rule->description = QStringLiteral("edge CPU");
        rule->grouping = AlertGrouping::Site;
        RemediationSpec raise;
        raise.kind = RemediationKind::RaiseTelemetryRate;
        raise.sampleInterval = std::chrono::milliseconds(250);
        raise.duration = std::chrono::minutes(3);
        rule->remediations = {raise};
        v1::AlertRule message;
        toProto(*rule, &message);
        v1::AlertRule parsed;
        QVERIFY(parsed.ParseFromString(message.SerializeAsString()));
        const auto back = fromProto(parsed);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(*back, *rule);

        // Unspecified severity is a warning; zero remediation fields take the defaults.
        v1::AlertRule minimal;
        minimal.set_id("m");
        minimal.set_expression("up < 1");
        minimal.add_remediations()->set_kind(v1::REMEDIATION_KIND_RAISE_TELEMETRY_RATE);
        const auto defaults = fromProto(minimal);
        QVERIFY2(defaults, qPrintable(defaults.error()));
        QCOMPARE(toString(defaults->severity), toString(AlertSeverity::Warning));
        QCOMPARE(defaults->remediations.first().duration, RemediationSpec().duration);

        // Every refusal names the rule.
        const auto refused = [](const char *id, const char *expression,
                                const std::function<void(v1::AlertRule &)> &change) {
            v1::AlertRule wire;
            wire.set_id(id);
            wire.set_expression(expression);
            if (change)
                change(wire);
            const auto result = fromProto(wire);
            return result ? QString() : result.error();
        };
        QVERIFY(refused("bad-expr", "up >", {}).contains(QStringLiteral("bad-expr")));
        QVERIFY(refused("bad-regex", "up{a=~\"(\"} > 1", {}).contains(QStringLiteral("bad-regex")));
        QVERIFY(refused("bad-severity", "up > 1", [](v1::AlertRule &r) {
                    r.set_severity(static_cast<v1::AlertSeverity>(7));
                }).contains(QStringLiteral("bad-severity")));
        QVERIFY(refused("bad-grouping", "up > 1", [](v1::AlertRule &r) {
                    r.set_grouping(static_cast<v1::AlertGrouping>(70));
                }).contains(QStringLiteral("bad-grouping")));
        QVERIFY(refused("bad-remedy", "up > 1", [](v1::AlertRule &r) {
                    r.add_remediations()->set_kind(static_cast<v1::RemediationKind>(5));
                }).contains(QStringLiteral("bad-remedy")));
        QVERIFY(refused("bad-rate", "up > 1", [](v1::AlertRule &r) {
                    auto *remediation = r.add_remediations();
                    remediation->set_kind(v1::REMEDIATION_KIND_RAISE_TELEMETRY_RATE);
                    remediation->set_duration_ms(-5);
                }).contains(QStringLiteral("bad-rate")));
        QVERIFY(!refused("", "up > 1", {}).isEmpty());
    }

    void queries()
    {
        RangeQuery query;
        query.selector = QStringLiteral("http_requests_total{code!~\"5..\"}");
        query.startMs = 1000;
        query.endMs = 61000;
        query.stepMs = 15000;
        query.function = RangeFunction::Rate;
        query.windowMs = 300000;
        query.lookbackMs = 60000;
        query.aggregation = Aggregation::Quantile;
        query.grouping = Grouping::Without;
        query.groupingLabels = {QStringLiteral("instance"), QStringLiteral("pod")};
        query.quantile = 0.95;
        query.resolution = QueryResolution::OneMinute;
        v1::RangeQuery message;
        toProto(query, &message);
        const auto back = fromProto(message);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->selector, query.selector);
        QCOMPARE(back->startMs, query.startMs);
        QCOMPARE(back->endMs, query.endMs);
        QCOMPARE(back->stepMs, query.stepMs);
        QCOMPARE(toString(back->function), toString(query.function));
        QCOMPARE(back->windowMs, query.windowMs);
        QCOMPARE(back->lookbackMs, query.lookbackMs);
        QCOMPARE(toString(back->aggregation), toString(query.aggregation));
        QCOMPARE(int(back->grouping), int(query.grouping));
        QCOMPARE(back->groupingLabels, query.groupingLabels);
        QCOMPARE(back->quantile, query.quantile);
        QCOMPARE(toString(back->resolution), toString(query.resolution));

        // Unspecified fields take the model's defaults.
        v1::RangeQuery bare;
        bare.set_selector("up");
        bare.set_end_ms(10);
        bare.set_step_ms(1);
        const auto defaults = fromProto(bare);
        QVERIFY2(defaults, qPrintable(defaults.error()));
        const RangeQuery model;
        QCOMPARE(toString(defaults->function), toString(RangeFunction::Value));
        QCOMPARE(toString(defaults->aggregation), toString(Aggregation::None));
        QCOMPARE(int(defaults->grouping), int(Grouping::By));
        QCOMPARE(defaults->lookbackMs, model.lookbackMs);
        QCOMPARE(toString(defaults->resolution), toString(QueryResolution::Auto));

        // Malformed: refused with a reason, never a crash.
        const auto error = [](const std::function<void(v1::RangeQuery &)> &change) {
            v1::RangeQuery wire;
            wire.set_selector("up");
            wire.set_end_ms(10);
            wire.set_step_ms(1);
            change(wire);
            const auto result = fromProto(wire);
            return result ? QString() : result.error();
        };
        QVERIFY(!error([](v1::RangeQuery &q) { q.set_selector(" "); }).isEmpty());
        QVERIFY(!error([](v1::RangeQuery &q) { q.set_end_ms(-1); }).isEmpty());
        QVERIFY(error([](v1::RangeQuery &q) {
                    q.set_function(static_cast<v1::RangeFunction>(4));
                }).contains(QStringLiteral("function")));
        QVERIFY(error([](v1::RangeQuery &q) {
                    q.set_aggregation(static_cast<v1::Aggregation>(-2));
                }).contains(QStringLiteral("aggregation")));
        QVERIFY(error([](v1::RangeQuery &q) {
                    q.set_grouping(static_cast<v1::Grouping>(3));
                }).contains(QStringLiteral("grouping")));
        QVERIFY(error([](v1::RangeQuery &q) {
                    q.set_resolution(static_cast<v1::QueryResolution>(5));
                }).contains(QStringLiteral("resolution")));

        QueryResult result;
        result.series = {
            SeriesBatch{QString(), {{QStringLiteral("site"), QStringLiteral("a")}}, {{1, 2.0}}}};
        result.resolution = QueryResolution::OneHour;
        result.samplesRead = 77;
        v1::QueryResult wireResult;
        toProto(result, &wireResult);
        const QueryResult resultBack = fromProto(wireResult);
        QCOMPARE(resultBack.series, result.series);
        QCOMPARE(toString(resultBack.resolution), toString(result.resolution));
        QCOMPARE(resultBack.samplesRead, 77);
    }

    void downsampledSeries()
    {
        DownsampledSeries series;
        series.metric = QStringLiteral("link_latency_seconds");
        series.labels = {{QStringLiteral("link"), QStringLiteral("l1")}};
        series.resolution = QueryResolution::OneMinute;
        series.columns = {{0, 10, 1.0, 5.0, 2, 7, 4}, {10, 20, -1.0, 1e300, 11, 19, 9}};
        v1::DownsampledSeries message;
        toProto(series, &message);
        v1::DownsampledSeries parsed;
        QVERIFY(parsed.ParseFromString(message.SerializeAsString()));
        const auto back = fromProto(parsed);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->metric, series.metric);
        QCOMPARE(back->labels, series.labels);
        QCOMPARE(toString(back->resolution), toString(series.resolution));
        QCOMPARE(back->columns.size(), 2);
        const DownsampledColumn &column = back->columns.at(1);
        QCOMPARE(column.startMs, 10);
        QCOMPARE(column.endMs, 20);
        QCOMPARE(column.min, -1.0);
        QCOMPARE(column.max, 1e300);
        QCOMPARE(column.minTimestampMs, 11);
        QCOMPARE(column.maxTimestampMs, 19);
        QCOMPARE(column.count, 9);

        // Arrays of different lengths: an error, not an out-of-bounds read.
        parsed.mutable_count()->RemoveLast();
        const auto broken = fromProto(parsed);
        QVERIFY(!broken);
        QVERIFY2(broken.error().contains(QStringLiteral("link_latency_seconds")),
                 qPrintable(broken.error()));
    }

    void badJsonBecomesEmptyObject()
    {
        v1::Event message;
        message.set_type("A.B");
        message.set_payload_json("{not json");
        QVERIFY(fromProto(message).payload.isEmpty());
        message.set_payload_json("[1,2]");
        QVERIFY(fromProto(message).payload.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ProtoConvert)
#include "tst_protoconvert.moc"
