#include "network/P4Pipeline.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace Continuo;

namespace {

// A program with the match kinds the reference pipeline lacks: LPM, exact (incl. 128 bits),
// range and optional.
const char *const GenericP4Info = R"(
pkg_info { name: "generic" arch: "v1model" }
tables {
  preamble { id: 0x02000011 name: "Ing.routes" alias: "routes" }
  match_fields { id: 1 name: "meta.vrf" bitwidth: 8 match_type: EXACT }
  match_fields { id: 2 name: "hdr.ipv4.dst_addr" bitwidth: 32 match_type: LPM }
  action_refs { id: 0x01000011 }
  action_refs { id: 0x01000012 }
  action_refs { id: 0x01000001 }
  size: 1024
}
tables {
  preamble { id: 0x02000012 name: "Ing.hosts" alias: "hosts" }
  match_fields { id: 1 name: "hdr.ethernet.dst_addr" bitwidth: 48 match_type: EXACT }
  match_fields { id: 2 name: "hdr.ipv6.dst_addr" bitwidth: 128 match_type: EXACT }
  action_refs { id: 0x01000011 }
  action_refs { id: 0x01000012 }
  size: 1024
}
tables {
  preamble { id: 0x02000013 name: "Ing.acl" alias: "acl" }
  match_fields { id: 1 name: "meta.l4_dst" bitwidth: 16 match_type: RANGE }
  match_fields { id: 2 name: "meta.ip_proto" bitwidth: 8 match_type: TERNARY }
  match_fields { id: 3 name: "meta.in_port" bitwidth: 9 match_type: OPTIONAL }
  action_refs { id: 0x01000011 }
  action_refs { id: 0x01000012 }
  size: 100000
}
actions { preamble { id: 0x01000001 name: "NoAction" alias: "NoAction" } }
actions {
  preamble { id: 0x01000011 name: "Ing.forward" alias: "forward" }
  params { id: 1 name: "port" bitwidth: 9 }
}
actions { preamble { id: 0x01000012 name: "Ing.deny" alias: "deny" } }
)";

P4FieldMatch exact(const QString &field, P4FieldValue value, int width)
{
    return {field, P4MatchKind::Exact, p4FieldBytes(value, width), {}, 0, {}};
}
P4FieldMatch optionalMatch(const QString &field, P4FieldValue value, int width)
{
    return {field, P4MatchKind::Optional, p4FieldBytes(value, width), {}, 0, {}};
}
P4FieldMatch ternary(const QString &field, P4FieldValue value, P4FieldValue mask, int width)
{
    return {field, P4MatchKind::Ternary, p4FieldBytes(value & mask, width), p4FieldBytes(mask, width), 0, {}};
}
P4FieldMatch lpm(const QString &field, P4FieldValue value, int prefix, int width)
{
    return {field, P4MatchKind::Lpm, p4FieldBytes(value, width), {}, prefix, {}};
}
P4FieldMatch range(const QString &field, P4FieldValue low, P4FieldValue high, int width)
{
    return {field, P4MatchKind::Range, p4FieldBytes(low, width), {}, 0, p4FieldBytes(high, width)};
}
P4TableEntry entry(const QString &table, QList<P4FieldMatch> matches, const QString &action,
                   QList<P4ParamValue> params = {}, int priority = 0)
{
    P4TableEntry e;
    e.table = table;
    e.matches = std::move(matches);
    e.action = action;
    e.params = std::move(params);
    e.priority = priority;
    return e;
}
P4ParamValue port(int value)
{
    return {QStringLiteral("port"), p4FieldBytes(value, 9)};
}

quint32 ip(int a, int b, int c, int d)
{
    return quint32(a) << 24 | quint32(b) << 16 | quint32(c) << 8 | quint32(d);
}

// table0 field order: ingress_port, l2_src, l2_dst, ether_type, l3_src, l3_dst, ip_proto, l4_src, l4_dst
const int Table0Widths[9] = {9, 48, 48, 16, 32, 32, 8, 16, 16};
const QString Table0Fields[9] = {
    QStringLiteral("standard_metadata.ingress_port"), QStringLiteral("local_metadata.l2_src"),
    QStringLiteral("local_metadata.l2_dst"),          QStringLiteral("local_metadata.ether_type"),
    QStringLiteral("local_metadata.l3_src"),          QStringLiteral("local_metadata.l3_dst"),
    QStringLiteral("local_metadata.ip_proto"),        QStringLiteral("local_metadata.l4_src"),
    QStringLiteral("local_metadata.l4_dst")};

P4FieldValues table0Key(quint32 l3Src, quint32 l3Dst, int proto, int l4Src, int l4Dst, int inPort = 1)
{
    return {P4FieldValue(inPort), 0, 0, 0x800, l3Src, l3Dst, P4FieldValue(proto), P4FieldValue(l4Src),
            P4FieldValue(l4Dst)};
}

P4FieldValue widthMask(int width)
{
    return width >= 128 ? ~P4FieldValue(0) : (P4FieldValue(1) << width) - 1;
}

} // namespace

class tst_P4Pipeline : public QObject
{
    Q_OBJECT

private:
    P4Program m_generic;

private Q_SLOTS:
    void initTestCase();
    void ternaryPriorityOrder();
    void lpmLongestPrefix();
    void exactMatch();
    void rangeMatch();
    void optionalFields();
    void wildcardFields();
    void modifyAndRemove();
    void updateErrorsAndCodes();
    void writeRollback();
    void defaultActions();
    void counters();
    void entriesRoundTrip();
    void vxlanInnerKeys();
    void dryRunExplainsEntry();
    void dryRunPostcard();
    void dryRunGenericProgram();
    void packetHeadersText_data();
    void packetHeadersText();
    void packetHeadersErrors();
    void packetHeadersFromFrame();
    void randomTernaryAgainstNaive();
    void randomRangeAgainstNaive();
};

void tst_P4Pipeline::initTestCase()
{
    QVERIFY2(!P4Program::reference().isNull(), "reference program loads");
    auto generic = P4Program::fromP4Info(QByteArray(GenericP4Info));
    QVERIFY2(generic.hasValue(), qPrintable(generic.error()));
    m_generic = *generic;
}

void tst_P4Pipeline::ternaryPriorityOrder()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    const QString dst = QStringLiteral("local_metadata.l3_dst");
    const QString proto = QStringLiteral("local_metadata.ip_proto");
    // Broad /8 at low priority, /24 at mid, a host + protocol at high priority.
    QVERIFY(pipeline.insert(entry("table0", {ternary(dst, ip(10, 0, 0, 0), 0xff000000, 32)}, "set_egress_port", {port(1)}, 10)));
    QVERIFY(pipeline.insert(entry("table0", {ternary(dst, ip(10, 1, 2, 0), 0xffffff00, 32)}, "set_egress_port", {port(2)}, 20)));
    QVERIFY(pipeline.insert(entry("table0", {ternary(dst, ip(10, 1, 2, 3), 0xffffffff, 32), ternary(proto, 6, 0xff, 8)},
                                  "set_egress_port", {port(3)}, 30)));
    // A wider match with the highest priority wins over the narrower ones for what it covers.
    QVERIFY(pipeline.insert(entry("table0", {ternary(dst, ip(10, 9, 0, 0), 0xffff0000, 32)}, "send_to_cpu", {}, 40)));

    auto portOf = [&](const P4FieldValues &key) {
        auto r = pipeline.lookup(QStringLiteral("table0"), key);
        return r->isHit && r->action == QLatin1String("set_egress_port") ? int(p4FieldValue(r->params.value(0).value)) : -1;
    };
    QCOMPARE(portOf(table0Key(0, ip(10, 1, 2, 3), 6, 1, 80)), 3);
    QCOMPARE(portOf(table0Key(0, ip(10, 1, 2, 3), 17, 1, 80)), 2);
    QCOMPARE(portOf(table0Key(0, ip(10, 1, 2, 4), 6, 1, 80)), 2);
    QCOMPARE(portOf(table0Key(0, ip(10, 7, 7, 7), 6, 1, 80)), 1);
    QCOMPARE(pipeline.lookup(QStringLiteral("table0"), table0Key(0, ip(10, 9, 1, 1), 6, 1, 80))->action, QStringLiteral("send_to_cpu"));
    QCOMPARE(pipeline.lookup(QStringLiteral("table0"), table0Key(0, ip(10, 9, 1, 1), 6, 1, 80))->priority, 40);

    // Equal priority, overlapping: the lowest handle (installed first) wins, both ways round.
    P4TablePipeline *t = pipeline.table(QStringLiteral("table0"));
    const quint32 tieA = *t->insert(entry("table0", {ternary(proto, 17, 0xff, 8)}, "set_egress_port", {port(7)}, 35));
    const quint32 tieB = *t->insert(entry("table0", {ternary(dst, ip(10, 1, 2, 3), 0xffffffff, 32)}, "set_egress_port", {port(8)}, 35));
    QVERIFY(tieA < tieB);
    QCOMPARE(t->match(table0Key(0, ip(10, 1, 2, 3), 17, 1, 80)), tieA);
}

void tst_P4Pipeline::lpmLongestPrefix()
{
    P4SoftwarePipeline pipeline(m_generic);
    const QString vrf = QStringLiteral("meta.vrf");
    const QString dst = QStringLiteral("hdr.ipv4.dst_addr");
    QVERIFY(pipeline.insert(entry("routes", {exact(vrf, 1, 8), lpm(dst, ip(10, 0, 0, 0), 8, 32)}, "forward", {port(8)})));
    QVERIFY(pipeline.insert(entry("routes", {exact(vrf, 1, 8), lpm(dst, ip(10, 1, 0, 0), 16, 32)}, "forward", {port(16)})));
    QVERIFY(pipeline.insert(entry("routes", {exact(vrf, 1, 8), lpm(dst, ip(10, 1, 2, 0), 24, 32)}, "forward", {port(24)})));
    QVERIFY(pipeline.insert(entry("routes", {exact(vrf, 1, 8), lpm(dst, ip(10, 1, 2, 3), 32, 32)}, "forward", {port(32)})));
    // vrf 2's default route: the LPM field left out (P4Runtime's form of a /0).
    QVERIFY(pipeline.insert(entry("routes", {exact(vrf, 2, 8)}, "deny")));
    P4TablePipeline *t = pipeline.table(QStringLiteral("routes"));
    auto portOf = [&](int v, quint32 address) {
        const P4LookupResult r = t->lookup({P4FieldValue(v), address});
        return r.isHit && r.action == QLatin1String("forward") ? int(p4FieldValue(r.params.value(0).value)) : (r.isHit ? 0 : -1);
    };
    QCOMPARE(portOf(1, ip(10, 1, 2, 3)), 32);
    QCOMPARE(portOf(1, ip(10, 1, 2, 4)), 24);
    QCOMPARE(portOf(1, ip(10, 1, 3, 4)), 16);
    QCOMPARE(portOf(1, ip(10, 2, 3, 4)), 8);
    QCOMPARE(portOf(1, ip(11, 2, 3, 4)), -1);
    QCOMPARE(portOf(2, ip(11, 2, 3, 4)), 0);  // vrf 2 default route: deny
    QCOMPARE(portOf(3, ip(10, 1, 2, 3)), -1); // exact vrf must match
    QCOMPARE(t->lookup({1, ip(10, 1, 2, 4)}).priority, 24);
    QCOMPARE(t->tupleCount(), qsizetype(5));
    // Removing the /24 exposes the /16.
    QVERIFY(pipeline.remove(entry("routes", {exact(vrf, 1, 8), lpm(dst, ip(10, 1, 2, 0), 24, 32)}, "forward", {port(24)})));
    QCOMPARE(portOf(1, ip(10, 1, 2, 4)), 16);
    QCOMPARE(portOf(1, ip(10, 1, 2, 3)), 32);
}

void tst_P4Pipeline::exactMatch()
{
    P4SoftwarePipeline pipeline(m_generic);
    const QString mac = QStringLiteral("hdr.ethernet.dst_addr");
    const QString v6 = QStringLiteral("hdr.ipv6.dst_addr");
    const P4FieldValue address = (P4FieldValue(0x20010db800000000ull) << 64) | 0x1;
    const P4FieldValue other = (P4FieldValue(0x20010db800000000ull) << 64) | 0x2;
    QVERIFY(pipeline.insert(entry("hosts", {exact(mac, 0xaabbccddeeffull, 48), exact(v6, address, 128)}, "forward", {port(5)})));
    QVERIFY(pipeline.insert(entry("hosts", {exact(mac, 0xaabbccddeeffull, 48), exact(v6, other, 128)}, "forward", {port(6)})));
    const P4TablePipeline *t = pipeline.table(QStringLiteral("hosts"));
    QCOMPARE(t->tupleCount(), qsizetype(1));
    QCOMPARE(p4FieldValue(t->lookup({0xaabbccddeeffull, address}).params.value(0).value), P4FieldValue(5));
    QCOMPARE(p4FieldValue(t->lookup({0xaabbccddeeffull, other}).params.value(0).value), P4FieldValue(6));
    QVERIFY(!t->lookup({0xaabbccddeeffull, address ^ (P4FieldValue(1) << 100)}).isHit);
    QVERIFY(!t->lookup({0xaabbccddeef0ull, address}).isHit);
    // An exact field cannot be left out.
    auto missing = pipeline.table(QStringLiteral("hosts"))->insert(entry("hosts", {exact(mac, 1, 48)}, "deny"));
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(QLatin1String("hdr.ipv6.dst_addr")), qPrintable(missing.error()));
    // Lookup values from names.
    auto full = t->fieldValues({{mac, p4FieldBytes(0xaabbccddeeffull, 48)}, {v6, p4FieldBytes(other, 128)}});
    QVERIFY2(full.hasValue(), qPrintable(full.error()));
    QCOMPARE(p4FieldValue(t->lookup(*full).params.value(0).value), P4FieldValue(6));
    QVERIFY(!t->fieldValues({{QStringLiteral("nope"), QByteArray(1, 0)}}));
}

void tst_P4Pipeline::rangeMatch()
{
    P4SoftwarePipeline pipeline(m_generic);
    const QString l4 = QStringLiteral("meta.l4_dst");
    const QString proto = QStringLiteral("meta.ip_proto");
    QVERIFY(pipeline.insert(entry("acl", {range(l4, 1000, 2000, 16)}, "forward", {port(1)}, 10)));
    QVERIFY(pipeline.insert(entry("acl", {range(l4, 1500, 1600, 16)}, "forward", {port(2)}, 20)));
    QVERIFY(pipeline.insert(entry("acl", {range(l4, 0, 1023, 16), ternary(proto, 6, 0xff, 8)}, "deny", {}, 5)));
    // Same range, other priority: a distinct entry.
    QVERIFY(pipeline.insert(entry("acl", {range(l4, 1500, 1600, 16)}, "forward", {port(3)}, 15)));
    const P4TablePipeline *t = pipeline.table(QStringLiteral("acl"));
    auto portOf = [&](int dport, int ipProto) {
        const P4LookupResult r = t->lookup({P4FieldValue(dport), P4FieldValue(ipProto), 0});
        return !r.isHit ? -1 : r.action == QLatin1String("deny") ? 0 : int(p4FieldValue(r.params.value(0).value));
    };
    QCOMPARE(portOf(999, 6), 0);
    QCOMPARE(portOf(1000, 6), 1); // priority 10 over the deny's 5
    QCOMPARE(portOf(1499, 17), 1);
    QCOMPARE(portOf(1500, 17), 2);
    QCOMPARE(portOf(1600, 17), 2);
    QCOMPARE(portOf(1601, 17), 1);
    QCOMPARE(portOf(2000, 17), 1);
    QCOMPARE(portOf(2001, 17), -1);
    QCOMPARE(portOf(10, 17), -1);
    // Reversed bounds are refused.
    QVERIFY(!pipeline.table(QStringLiteral("acl"))->insert(entry("acl", {range(l4, 9, 3, 16)}, "deny", {}, 1)));
}

void tst_P4Pipeline::optionalFields()
{
    P4SoftwarePipeline pipeline(m_generic);
    const QString inPort = QStringLiteral("meta.in_port");
    QVERIFY(pipeline.insert(entry("acl", {optionalMatch(inPort, 3, 9)}, "forward", {port(30)}, 10)));
    QVERIFY(pipeline.insert(entry("acl", {}, "forward", {port(99)}, 1))); // everything else
    const P4TablePipeline *t = pipeline.table(QStringLiteral("acl"));
    QCOMPARE(p4FieldValue(t->lookup({80, 6, 3}).params.value(0).value), P4FieldValue(30));
    QCOMPARE(p4FieldValue(t->lookup({80, 6, 4}).params.value(0).value), P4FieldValue(99));
    QCOMPARE(p4FieldValue(t->lookup({80, 6, 3 + 512}).params.value(0).value), P4FieldValue(30)); // bits beyond 9 ignored
}

void tst_P4Pipeline::wildcardFields()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    const QString l4 = QStringLiteral("local_metadata.l4_dst");
    QVERIFY(pipeline.insert(entry("table0", {ternary(l4, 80, 0xffff, 16)}, "set_egress_port", {port(4)}, 10)));
    const P4TablePipeline *t = pipeline.table(QStringLiteral("table0"));
    // Whatever the other keys, dport 80 hits; other ports miss into drop.
    QVERIFY(t->lookup(table0Key(ip(1, 2, 3, 4), ip(5, 6, 7, 8), 6, 999, 80, 17)).isHit);
    QVERIFY(t->lookup({511, 0xffffffffffffull, 1, 0x86dd, 0, 0, 255, 65535, 80}).isHit);
    const P4LookupResult miss = t->lookup(table0Key(ip(1, 2, 3, 4), ip(5, 6, 7, 8), 6, 999, 81));
    QVERIFY(!miss.isHit);
    QCOMPARE(miss.action, QStringLiteral("drop"));
    // A partial ternary mask: even ports only.
    QVERIFY(pipeline.insert(entry("table0", {ternary(QStringLiteral("local_metadata.l4_src"), 0, 1, 16)}, "send_to_cpu", {}, 5)));
    QCOMPARE(t->lookup(table0Key(0, 0, 6, 1000, 81)).action, QStringLiteral("send_to_cpu"));
    QVERIFY(!t->lookup(table0Key(0, 0, 6, 1001, 81)).isHit);
}

void tst_P4Pipeline::modifyAndRemove()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    const QString dst = QStringLiteral("local_metadata.l3_dst");
    P4TableEntry e = entry("table0", {ternary(dst, ip(10, 0, 0, 2), 0xffffffff, 32)}, "set_egress_port", {port(2)}, 10);
    e.note = QStringLiteral("connection c1 hop 1");
    QVERIFY(pipeline.insert(e));
    const P4TablePipeline *t = pipeline.table(QStringLiteral("table0"));
    const P4FieldValues key = table0Key(0, ip(10, 0, 0, 2), 6, 1, 80);
    QCOMPARE(p4FieldValue(t->lookup(key).params.value(0).value), P4FieldValue(2));

    P4TableEntry changed = e;
    changed.params = {port(9)};
    changed.note = QStringLiteral("rerouted");
    auto modified = pipeline.modify(changed);
    QVERIFY2(modified, qPrintable(modified.error()));
    QCOMPARE(p4FieldValue(t->lookup(key).params.value(0).value), P4FieldValue(9));
    QCOMPARE(pipeline.entries(QStringLiteral("table0")).value(0).note, QStringLiteral("rerouted"));

    changed.action = QStringLiteral("send_to_cpu");
    changed.params.clear();
    QVERIFY(pipeline.modify(changed));
    QCOMPARE(t->lookup(key).action, QStringLiteral("send_to_cpu"));

    QVERIFY(pipeline.remove(changed));
    QVERIFY(!t->lookup(key).isHit);
    QCOMPARE(t->size(), qsizetype(0));
    QCOMPARE(t->tupleCount(), qsizetype(0));
    // The handle is reused and the entry comes back clean.
    QVERIFY(pipeline.insert(e));
    QCOMPARE(t->size(), qsizetype(1));
    QCOMPARE(p4FieldValue(t->lookup(key).params.value(0).value), P4FieldValue(2));
}

void tst_P4Pipeline::updateErrorsAndCodes()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    const P4TableEntry e = entry("table0", {ternary(QStringLiteral("local_metadata.l4_dst"), 80, 0xffff, 16)},
                                 "set_egress_port", {port(2)}, 10);
    QCOMPARE(toString(pipeline.apply({P4Update::Type::Insert, e}).code), toString(P4UpdateCode::Ok));
    const P4UpdateResult duplicate = pipeline.apply({P4Update::Type::Insert, e});
    QCOMPARE(toString(duplicate.code), toString(P4UpdateCode::AlreadyExists));
    QVERIFY2(duplicate.message.contains(QLatin1String("already exists")), qPrintable(duplicate.message));

    P4TableEntry other = e;
    other.priority = 11; // a different entry (priority is part of the key)
    QCOMPARE(toString(pipeline.apply({P4Update::Type::Modify, other}).code), toString(P4UpdateCode::NotFound));
    const P4UpdateResult missing = pipeline.apply({P4Update::Type::Delete, other});
    QCOMPARE(toString(missing.code), toString(P4UpdateCode::NotFound));
    QVERIFY2(missing.message.contains(QLatin1String("no such entry")), qPrintable(missing.message));

    P4TableEntry invalid = e;
    invalid.priority = 0; // table0 needs one
    const P4UpdateResult refused = pipeline.apply({P4Update::Type::Insert, invalid});
    QCOMPARE(toString(refused.code), toString(P4UpdateCode::InvalidArgument));
    QVERIFY2(refused.message.contains(QLatin1String("priority")), qPrintable(refused.message));
    invalid = e;
    invalid.action = QStringLiteral("activate_postcard");
    QCOMPARE(toString(pipeline.apply({P4Update::Type::Insert, invalid}).code), toString(P4UpdateCode::InvalidArgument));
    invalid.table = QStringLiteral("nope");
    QCOMPARE(toString(pipeline.apply({P4Update::Type::Insert, invalid}).code), toString(P4UpdateCode::InvalidArgument));
    QCOMPARE(pipeline.entryCount(), qsizetype(1));

    auto inserted = pipeline.insert(e);
    QVERIFY(!inserted);
    QVERIFY(!inserted.error().isEmpty());
}

void tst_P4Pipeline::writeRollback()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    const QString l4 = QStringLiteral("local_metadata.l4_dst");
    const P4TableEntry a = entry("table0", {ternary(l4, 80, 0xffff, 16)}, "set_egress_port", {port(1)}, 10);
    const P4TableEntry b = entry("table0", {ternary(l4, 443, 0xffff, 16)}, "set_egress_port", {port(2)}, 10);
    const P4TableEntry c = entry("table0", {ternary(l4, 53, 0xffff, 16)}, "send_to_cpu", {}, 10);
    QVERIFY(pipeline.insert(a));
    QVERIFY(pipeline.insert(b));
    pipeline.table(QStringLiteral("table0"))->countHit(pipeline.table(QStringLiteral("table0"))->find(b), 100);
    const QList<P4TableEntry> before = pipeline.entries();
    QList<P4CounterData> countersBefore;
    (void)pipeline.entries({}, &countersBefore);

    P4TableEntry aModified = a;
    aModified.params = {port(7)};
    const QList<P4Update> batch = {{P4Update::Type::Insert, c},
                                   {P4Update::Type::Modify, aModified},
                                   {P4Update::Type::Delete, b},
                                   {P4Update::Type::Insert, c}}; // duplicate: fails
    const QList<P4UpdateResult> rolledBack = pipeline.write(batch, P4WriteAtomicity::RollbackOnError);
    QCOMPARE(rolledBack.size(), 4);
    QCOMPARE(toString(rolledBack[0].code), toString(P4UpdateCode::Aborted));
    QCOMPARE(toString(rolledBack[1].code), toString(P4UpdateCode::Aborted));
    QCOMPARE(toString(rolledBack[2].code), toString(P4UpdateCode::Aborted));
    QCOMPARE(toString(rolledBack[3].code), toString(P4UpdateCode::AlreadyExists));
    QVERIFY(rolledBack[0].message.contains(QLatin1String("#3")));
    QCOMPARE(pipeline.entries(), before);
    QList<P4CounterData> countersAfter;
    (void)pipeline.entries({}, &countersAfter);
    QCOMPARE(countersAfter, countersBefore);

    const QList<P4UpdateResult> continued = pipeline.write(batch, P4WriteAtomicity::ContinueOnError);
    QCOMPARE(toString(continued[0].code), toString(P4UpdateCode::Ok));
    QCOMPARE(toString(continued[1].code), toString(P4UpdateCode::Ok));
    QCOMPARE(toString(continued[2].code), toString(P4UpdateCode::Ok));
    QCOMPARE(toString(continued[3].code), toString(P4UpdateCode::AlreadyExists));
    QCOMPARE(pipeline.entryCount(), qsizetype(2));
    QCOMPARE(toString(P4UpdateCode::NotFound), QStringLiteral("NOT_FOUND"));
}

void tst_P4Pipeline::defaultActions()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    // Mirror of the P4: table0 drops on a miss, postcard_telemetry does nothing.
    const P4LookupResult miss = *pipeline.lookup(QStringLiteral("table0"), table0Key(0, 0, 0, 0, 0));
    QVERIFY(!miss.isHit);
    QCOMPARE(miss.action, QStringLiteral("drop"));
    QCOMPARE(pipeline.lookup(QStringLiteral("postcard_telemetry"), {0, 0, 0, 0, 0})->action, QStringLiteral("NoAction"));
    QCOMPARE(pipeline.lookup(QStringLiteral("int_insert"), {})->action, QStringLiteral("NoAction"));
    QVERIFY(!pipeline.lookup(QStringLiteral("table0"), {1, 2}));
    QVERIFY(!pipeline.lookup(QStringLiteral("nope"), {}));

    // The controller sets int_insert's default (keyless table).
    P4TableEntry init = entry("int_insert", {}, "init_metadata", {{QStringLiteral("switch_id"), p4FieldBytes(3, 32)}});
    init.isDefaultAction = true;
    auto set = pipeline.modify(init);
    QVERIFY2(set, qPrintable(set.error()));
    const P4LookupResult r = *pipeline.lookup(QStringLiteral("int_insert"), {});
    QCOMPARE(r.action, QStringLiteral("init_metadata"));
    QCOMPARE(p4FieldValue(r.params.value(0).value), P4FieldValue(3));
    const QList<P4TableEntry> listed = pipeline.entries(QStringLiteral("int_insert"));
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed[0].isDefaultAction);
    QCOMPARE(listed[0].action, QStringLiteral("init_metadata"));
    // A non-default entry in a keyless table is refused; deleting the default restores NoAction.
    P4TableEntry keyed = init;
    keyed.isDefaultAction = false;
    QVERIFY(!pipeline.insert(keyed));
    QVERIFY(pipeline.remove(init));
    QCOMPARE(pipeline.lookup(QStringLiteral("int_insert"), {})->action, QStringLiteral("NoAction"));
    QVERIFY(pipeline.entries(QStringLiteral("int_insert")).isEmpty());
}

void tst_P4Pipeline::counters()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    QVERIFY(pipeline.insert(entry("table0", {ternary(QStringLiteral("local_metadata.l4_dst"), 80, 0xffff, 16)},
                                  "set_egress_port", {port(2)}, 10)));
    auto packet = P4PacketHeaders::parse(QStringLiteral("in_port=1 ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=6 sport=1234 dport=80 len=1500"));
    QVERIFY(packet);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(toString(pipeline.evaluate(*packet, P4EvaluationMode::Process).verdict), toString(P4Verdict::Forward));
    (void)pipeline.evaluate(*packet, P4EvaluationMode::DryRun);
    packet->outer.l4Dst = 81; // a miss counts nowhere
    QCOMPARE(toString(pipeline.evaluate(*packet, P4EvaluationMode::Process).verdict), toString(P4Verdict::Drop));
    QList<P4CounterData> counters;
    const QList<P4TableEntry> entries = pipeline.entries(QStringLiteral("table0"), &counters);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(counters.size(), 1);
    QCOMPARE(counters[0], (P4CounterData{3, 4500}));
    pipeline.table(QStringLiteral("table0"))->resetCounters();
    QCOMPARE(pipeline.table(QStringLiteral("table0"))->counter(0), P4CounterData{});
}

void tst_P4Pipeline::entriesRoundTrip()
{
    P4SoftwarePipeline pipeline(m_generic);
    const QList<P4TableEntry> installed = {
        entry("routes", {exact(QStringLiteral("meta.vrf"), 1, 8), lpm(QStringLiteral("hdr.ipv4.dst_addr"), ip(10, 1, 0, 0), 16, 32)},
              "forward", {port(3)}),
        entry("acl", {range(QStringLiteral("meta.l4_dst"), 10, 20, 16), ternary(QStringLiteral("meta.ip_proto"), 6, 0xff, 8),
                      optionalMatch(QStringLiteral("meta.in_port"), 5, 9)}, "deny", {}, 7),
        entry("acl", {ternary(QStringLiteral("meta.ip_proto"), 0x10, 0xf0, 8)}, "forward", {port(1)}, 3),
    };
    for (const P4TableEntry &e : installed)
        QVERIFY(pipeline.insert(e));
    const QList<P4TableEntry> listed = pipeline.entries();
    QCOMPARE(listed.size(), installed.size());
    for (const P4TableEntry &e : installed) {
        const auto it = std::find_if(listed.cbegin(), listed.cend(), [&](const P4TableEntry &l) { return l.matchKey() == e.matchKey(); });
        QVERIFY2(it != listed.cend(), qPrintable(e.matchKey()));
        QCOMPARE(it->matches, e.matches);
        QCOMPARE(it->action, e.action);
        QCOMPARE(it->params, e.params);
        QCOMPARE(it->priority, e.priority);
        QVERIFY(pipeline.table(it->table)->find(*it) != P4TablePipeline::InvalidHandle);
    }
}

void tst_P4Pipeline::vxlanInnerKeys()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    // Pod-to-pod entry on the inner 5-tuple; the outer (VTEP to VTEP) would go elsewhere.
    QVERIFY(pipeline.insert(entry("table0", {ternary(QStringLiteral("local_metadata.l3_dst"), ip(10, 244, 2, 3), 0xffffffff, 32),
                                             ternary(QStringLiteral("local_metadata.l4_dst"), 80, 0xffff, 16)},
                                  "set_egress_port", {port(5)}, 20)));
    QVERIFY(pipeline.insert(entry("table0", {ternary(QStringLiteral("local_metadata.l3_dst"), ip(192, 168, 0, 2), 0xffffffff, 32)},
                                  "set_egress_port", {port(6)}, 10)));
    auto packet = P4PacketHeaders::parse(QStringLiteral(
        "in_port=1 ip_src=192.168.0.1 ip_dst=192.168.0.2 proto=17 sport=5555 dport=8472 "
        "vxlan inner_ip_src=10.244.1.2 inner_ip_dst=10.244.2.3 inner_proto=6 inner_sport=40000 inner_dport=80"));
    QVERIFY2(packet, qPrintable(packet.error()));
    P4PacketTrace trace = pipeline.evaluate(*packet);
    QVERIFY(trace.usesInnerHeaders);
    QCOMPARE(toString(trace.verdict), toString(P4Verdict::Forward));
    QCOMPARE(trace.egressPort, 5);
    QVERIFY(trace.explanation.contains(QLatin1String("inner")));

    // Another UDP port: the outer headers are the keys.
    packet->outer.l4Dst = 4789;
    trace = pipeline.evaluate(*packet);
    QVERIFY(!trace.usesInnerHeaders);
    QCOMPARE(trace.egressPort, 6);
    // Without inner headers a dport 8472 packet uses its outer ones too.
    packet->outer.l4Dst = 8472;
    packet->inner.reset();
    trace = pipeline.evaluate(*packet);
    QVERIFY(!trace.usesInnerHeaders);
    QCOMPARE(trace.egressPort, 6);
}

void tst_P4Pipeline::dryRunExplainsEntry()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    P4TableEntry e = entry("table0", {ternary(QStringLiteral("local_metadata.l3_dst"), ip(10, 0, 0, 2), 0xffffffff, 32)},
                           "set_egress_port", {port(2)}, 10);
    QVERIFY(pipeline.insert(e));
    QVERIFY(pipeline.insert(entry("table0", {ternary(QStringLiteral("local_metadata.l4_dst"), 22, 0xffff, 16)}, "send_to_cpu", {}, 50)));
    const P4PacketTrace trace = pipeline.evaluate(*P4PacketHeaders::parse(QStringLiteral("in_port=1 ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=6 sport=1234 dport=80")));
    QVERIFY(trace.isValid);
    QCOMPARE(trace.steps.size(), 4);
    const P4TableStep &step = trace.steps[0];
    QCOMPARE(step.table, QStringLiteral("table0"));
    QVERIFY(step.isApplied && step.isHit);
    QCOMPARE(step.matchKey, e.matchKey());
    QCOMPARE(step.action, QStringLiteral("set_egress_port"));
    QCOMPARE(toString(trace.verdict), toString(P4Verdict::Forward));
    QCOMPARE(trace.egressPort, 2);
    QVERIFY(!trace.postcardFlowId);
    QVERIFY(!trace.steps[2].isApplied);
    // The explanation names the entry (its text form) and the verdict.
    QVERIFY2(trace.explanation.contains(P4EntryText::format(P4Program::reference(), e)), qPrintable(trace.explanation));
    QVERIFY2(trace.explanation.contains(QLatin1String("forward to port 2")), qPrintable(trace.explanation));
    QVERIFY(trace.explanation.contains(QLatin1String("10.0.0.2")));

    const P4PacketTrace ssh = pipeline.evaluate(*P4PacketHeaders::parse(QStringLiteral("ip_dst=10.0.0.2 proto=tcp dport=22")));
    QCOMPARE(toString(ssh.verdict), toString(P4Verdict::ToCpu));
    const P4PacketTrace dropped = pipeline.evaluate(*P4PacketHeaders::parse(QStringLiteral("ip_dst=10.0.0.3 proto=tcp dport=80")));
    QCOMPARE(toString(dropped.verdict), toString(P4Verdict::Drop));
    QVERIFY2(dropped.explanation.contains(QLatin1String("miss")), qPrintable(dropped.explanation));
    QVERIFY(dropped.explanation.contains(QLatin1String("verdict: drop")));
}

void tst_P4Pipeline::dryRunPostcard()
{
    P4SoftwarePipeline pipeline(P4Program::reference());
    QVERIFY(pipeline.insert(entry("table0", {ternary(QStringLiteral("local_metadata.l3_dst"), ip(10, 0, 0, 2), 0xffffffff, 32)},
                                  "set_egress_port", {port(2)}, 10)));
    QVERIFY(pipeline.insert(entry("postcard_telemetry", {ternary(QStringLiteral("local_metadata.l3_dst"), ip(10, 0, 0, 2), 0xffffffff, 32)},
                                  "activate_postcard", {{QStringLiteral("flow_id"), p4FieldBytes(250, 32)}}, 10)));
    P4TableEntry init = entry("int_insert", {}, "init_metadata", {{QStringLiteral("switch_id"), p4FieldBytes(3, 32)}});
    init.isDefaultAction = true;
    QVERIFY(pipeline.modify(init));
    const P4PacketTrace trace = pipeline.evaluate(*P4PacketHeaders::parse(QStringLiteral("ip_dst=10.0.0.2 proto=6 dport=80")));
    QCOMPARE(trace.postcardFlowId, std::optional<quint32>(250));
    QCOMPARE(trace.switchId, std::optional<quint32>(3));
    QVERIFY(trace.steps[2].isApplied && trace.steps[3].isApplied);
    QCOMPARE(trace.steps[3].action, QStringLiteral("NoAction"));
    QVERIFY2(trace.explanation.contains(QLatin1String("flow 250")), qPrintable(trace.explanation));
}

void tst_P4Pipeline::dryRunGenericProgram()
{
    P4SoftwarePipeline pipeline(m_generic);
    const P4PacketTrace trace = pipeline.evaluate(P4PacketHeaders{});
    QVERIFY(!trace.isValid);
    QVERIFY2(trace.error.contains(QLatin1String("table0")), qPrintable(trace.error));
}

void tst_P4Pipeline::packetHeadersText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("in_port=1 ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=6 sport=1234 dport=80");
    QTest::newRow("l2") << QStringLiteral("in_port=3 eth_src=aa:bb:cc:dd:ee:01 eth_dst=aa:bb:cc:dd:ee:02 eth_type=0x86dd "
                                          "ip_src=0.0.0.0 ip_dst=0.0.0.0 proto=0 sport=0 dport=0 len=9000");
    QTest::newRow("vxlan") << QStringLiteral("in_port=1 ip_src=192.168.0.1 ip_dst=192.168.0.2 proto=17 sport=5555 dport=8472 vxlan "
                                             "inner_eth_src=02:00:00:00:00:01 inner_ip_src=10.244.1.2 inner_ip_dst=10.244.2.3 "
                                             "inner_proto=6 inner_sport=40000 inner_dport=80");
}

void tst_P4Pipeline::packetHeadersText()
{
    QFETCH(QString, text);
    auto parsed = P4PacketHeaders::parse(text);
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QCOMPARE(parsed->toString(), text);
    QCOMPARE(*P4PacketHeaders::parse(parsed->toString()), *parsed);
}

void tst_P4Pipeline::packetHeadersErrors()
{
    auto bad = P4PacketHeaders::parse(QStringLiteral("ip_src=10.0.0.300"));
    QVERIFY(!bad);
    QCOMPARE(bad.error(), QStringLiteral("ip_src: '10.0.0.300' is not an IPv4 address"));
    QVERIFY(P4PacketHeaders::parse(QStringLiteral("in_port=512")).error().contains(QLatin1String("in_port")));
    QVERIFY(P4PacketHeaders::parse(QStringLiteral("dport=65536")).error().contains(QLatin1String("dport")));
    QVERIFY(P4PacketHeaders::parse(QStringLiteral("colour=red")).error().contains(QLatin1String("unknown key colour")));
    QVERIFY(!P4PacketHeaders::parse(QStringLiteral("eth_src=aa:bb")));
    QVERIFY(!P4PacketHeaders::parse(QStringLiteral("justaword")));
}

void tst_P4Pipeline::packetHeadersFromFrame()
{
    auto be16 = [](QByteArray &b, int v) { b.append(char(v >> 8)).append(char(v)); };
    auto ipv4 = [&](QByteArray &b, quint32 src, quint32 dst, int proto) {
        b.append(char(0x45)).append(char(0));
        be16(b, 0);
        be16(b, 0);
        be16(b, 0);
        b.append(char(64)).append(char(proto));
        be16(b, 0);
        be16(b, int(src >> 16));
        be16(b, int(src & 0xffff));
        be16(b, int(dst >> 16));
        be16(b, int(dst & 0xffff));
    };
    QByteArray inner = QByteArray::fromHex("020000000002020000000001");
    be16(inner, 0x0800);
    ipv4(inner, ip(10, 244, 1, 2), ip(10, 244, 2, 3), 6);
    be16(inner, 40000);
    be16(inner, 80);
    inner.append(QByteArray(16, 0));

    QByteArray frame = QByteArray::fromHex("aabbccddee02aabbccddee01");
    be16(frame, 0x0800);
    ipv4(frame, ip(192, 168, 0, 1), ip(192, 168, 0, 2), 17);
    be16(frame, 5555);
    be16(frame, 8472);
    be16(frame, 8 + 8 + int(inner.size()));
    be16(frame, 0);
    frame.append(QByteArray::fromHex("0800000000000100")); // VXLAN, VNI 1
    frame.append(inner);

    auto h = P4PacketHeaders::fromFrame(frame, 7);
    QVERIFY2(h, qPrintable(h.error()));
    QCOMPARE(h->ingressPort, quint16(7));
    QCOMPARE(h->outer.ethDst, 0xaabbccddee02ull);
    QCOMPARE(h->outer.ipDst, ip(192, 168, 0, 2));
    QCOMPARE(h->outer.l4Dst, quint16(8472));
    QVERIFY(h->inner);
    QCOMPARE(h->inner->ipSrc, ip(10, 244, 1, 2));
    QCOMPARE(h->inner->ipProtocol, quint8(6));
    QCOMPARE(h->inner->l4Src, quint16(40000));
    QCOMPARE(h->inner->l4Dst, quint16(80));
    QCOMPARE(h->inner->ethSrc, 0x020000000001ull);
    QCOMPARE(h->lengthBytes, qint64(frame.size()));
    QVERIFY(!P4PacketHeaders::fromFrame(QByteArray(10, 0), 1));
}

// 100k random entries on table0 (ternary, many overlapping tuples, ties in priority), some
// removed and modified, then 10k random packets through the tuple-space lookup and a linear
// matcher: the same entry every time.
void tst_P4Pipeline::randomTernaryAgainstNaive()
{
    QRandomGenerator rng(7);
    P4TablePipeline t(P4Program::reference(), *P4Program::reference().table(QStringLiteral("table0")));
    auto pick = [&](std::initializer_list<P4FieldValue> values) { return *(values.begin() + rng.bounded(int(values.size()))); };
    auto valueOf = [&](int field) -> P4FieldValue {
        switch (field) {
        case 0: return rng.bounded(4);
        case 1:
        case 2: return 0x020000000000ull + rng.bounded(3);
        case 3: return pick({0x800, 0x86dd});
        case 4:
        case 5: return ip(10, 0, rng.bounded(4), rng.bounded(8));
        case 6: return pick({6, 17});
        default: return pick({53, 80, 443, 8080});
        }
    };
    auto maskOf = [&](int field) -> P4FieldValue {
        const int r = rng.bounded(100);
        const P4FieldValue full = widthMask(Table0Widths[field]);
        switch (field) {
        case 1:
        case 2: return r < 90 ? 0 : full;
        case 4: return r < 40 ? 0 : r < 55 ? P4FieldValue(0xffff0000) : r < 70 ? P4FieldValue(0xfffffff0) : full;
        case 5: return r < 33 ? P4FieldValue(0xffff0000) : r < 66 ? P4FieldValue(0xfffffff0) : full; // never a wildcard: misses exist
        case 7: return r < 70 ? 0 : r < 80 ? P4FieldValue(0xff00) : full;
        default: return r < 50 ? 0 : full;
        }
    };

    struct Naive
    {
        P4FieldValue value[9];
        P4FieldValue mask[9];
        int priority;
        quint32 handle;
    };
    std::vector<Naive> installed;
    installed.reserve(100'000);
    std::vector<P4TableEntry> entries;
    entries.reserve(100'000);
    int attempts = 0;
    while (installed.size() < 100'000 && ++attempts < 200'000) {
        Naive n;
        P4TableEntry e;
        e.table = QStringLiteral("table0");
        for (int f = 0; f < 9; ++f) {
            n.mask[f] = maskOf(f);
            n.value[f] = valueOf(f) & n.mask[f];
            if (n.mask[f])
                e.matches.append(ternary(Table0Fields[f], n.value[f], n.mask[f], Table0Widths[f]));
        }
        n.priority = 1 + rng.bounded(500);
        e.priority = n.priority;
        e.action = QStringLiteral("set_egress_port");
        e.params = {port(int(installed.size() % 512))};
        auto handle = t.insert(e);
        if (!handle) {
            QVERIFY2(handle.error().contains(QLatin1String("already installed")), qPrintable(handle.error()));
            continue;
        }
        n.handle = *handle;
        installed.push_back(n);
        entries.push_back(e);
    }
    QCOMPARE(installed.size(), size_t(100'000));
    // Remove 10% and modify some, so chains and probe sequences get shortened and reused.
    for (int i = 0; i < 10'000; ++i) {
        const size_t victim = size_t(rng.bounded(int(installed.size())));
        auto removed = t.remove(entries[victim]);
        QVERIFY2(removed, qPrintable(removed.error()));
        installed[victim] = installed.back();
        entries[victim] = entries.back();
        installed.pop_back();
        entries.pop_back();
    }
    for (int i = 0; i < 1'000; ++i) {
        const size_t which = size_t(rng.bounded(int(installed.size())));
        entries[which].action = QStringLiteral("send_to_cpu");
        entries[which].params.clear();
        QVERIFY(t.modify(entries[which]));
    }
    QCOMPARE(t.size(), qsizetype(90'000));
    for (size_t i = 0; i < installed.size(); i += 997)
        QCOMPARE(t.find(entries[i]), installed[i].handle);

    std::sort(installed.begin(), installed.end(), [](const Naive &a, const Naive &b) {
        return a.priority != b.priority ? a.priority > b.priority : a.handle < b.handle;
    });
    int hits = 0;
    for (int p = 0; p < 10'000; ++p) {
        P4FieldValues key;
        for (int f = 0; f < 9; ++f)
            key.append(valueOf(f));
        if (rng.bounded(10) < 3)
            key[5] = ip(172, 16, rng.bounded(256), rng.bounded(256));
        quint32 expected = P4TablePipeline::InvalidHandle;
        for (const Naive &n : installed) {
            bool matches = true;
            for (int f = 0; f < 9 && matches; ++f)
                matches = (key[f] & n.mask[f]) == n.value[f];
            if (matches) {
                expected = n.handle;
                break;
            }
        }
        const quint32 got = t.match(key);
        if (got != expected)
            QFAIL(qPrintable(QStringLiteral("packet %1: lookup gave handle %2, the linear matcher %3").arg(p).arg(got).arg(expected)));
        hits += expected != P4TablePipeline::InvalidHandle;
    }
    QVERIFY2(hits > 1000 && hits < 10'000, qPrintable(QString::number(hits))); // both hits and misses exercised
    qInfo("%d of 10000 packets hit; %lld tuples", hits, qlonglong(t.tupleCount()));
}

// Ranges, ternary and optional together (the acl table), against a linear matcher.
void tst_P4Pipeline::randomRangeAgainstNaive()
{
    QRandomGenerator rng(11);
    P4TablePipeline t(m_generic, *m_generic.table(QStringLiteral("acl")));
    struct Naive
    {
        P4FieldValue low, high, protoValue, protoMask;
        bool hasPort;
        P4FieldValue port;
        int priority;
        quint32 handle;
    };
    std::vector<Naive> installed;
    for (int i = 0; i < 20'000; ++i) {
        Naive n;
        const int low = rng.bounded(1000);
        n.low = low;
        n.high = low + rng.bounded(rng.bounded(2) ? 5 : 300);
        const bool hasRange = rng.bounded(10) < 8;
        if (!hasRange) {
            n.low = 0;
            n.high = 0xffff;
        }
        n.protoMask = rng.bounded(3) == 0 ? 0 : rng.bounded(2) ? 0xff : 0xf0;
        n.protoValue = P4FieldValue(rng.bounded(2) ? 6 : 17) & n.protoMask;
        n.hasPort = rng.bounded(3) == 0;
        n.port = n.hasPort ? rng.bounded(4) : 0;
        n.priority = 1 + rng.bounded(100);
        QList<P4FieldMatch> matches;
        if (hasRange)
            matches.append(range(QStringLiteral("meta.l4_dst"), n.low, n.high, 16));
        if (n.protoMask)
            matches.append(ternary(QStringLiteral("meta.ip_proto"), n.protoValue, n.protoMask, 8));
        if (n.hasPort)
            matches.append(optionalMatch(QStringLiteral("meta.in_port"), n.port, 9));
        auto handle = t.insert(entry("acl", matches, "deny", {}, n.priority));
        if (!handle)
            continue; // duplicate
        n.handle = *handle;
        installed.push_back(n);
    }
    std::sort(installed.begin(), installed.end(), [](const Naive &a, const Naive &b) {
        return a.priority != b.priority ? a.priority > b.priority : a.handle < b.handle;
    });
    for (int p = 0; p < 5'000; ++p) {
        const P4FieldValues key = {P4FieldValue(rng.bounded(1400)), P4FieldValue(rng.bounded(2) ? 6 : 17), P4FieldValue(rng.bounded(5))};
        quint32 expected = P4TablePipeline::InvalidHandle;
        for (const Naive &n : installed) {
            if (key[0] >= n.low && key[0] <= n.high && (key[1] & n.protoMask) == n.protoValue && (!n.hasPort || key[2] == n.port)) {
                expected = n.handle;
                break;
            }
        }
        const quint32 got = t.match(key);
        if (got != expected)
            QFAIL(qPrintable(QStringLiteral("packet %1: lookup gave handle %2, the linear matcher %3").arg(p).arg(got).arg(expected)));
    }
}

QTEST_GUILESS_MAIN(tst_P4Pipeline)
#include "tst_p4pipeline.moc"
