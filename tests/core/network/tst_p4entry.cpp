// Table entries against a P4 program: value text forms, every validation rule with its exact
// message, one-line text and JSON round trips for every match kind, the P4Runtime codec
// (canonical bytes out, canonical or padded in), desired/installed diffs, and what validation
// costs per entry.

#include "network/P4Entry.h"

#include "p4/v1/p4runtime.pb.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <ctime>

using namespace Continuo;

namespace {

/// Every match kind, scoped actions, a const table, a small table and a 128-bit field.
const char KindsP4Info[] = R"(
pkg_info { name: "kinds" arch: "v1model" }
tables {
  preamble { id: 0x02000010 name: "Ing.exact_t" alias: "exact_t" }
  match_fields { id: 1 name: "standard_metadata.ingress_port" bitwidth: 9 match_type: EXACT }
  match_fields { id: 2 name: "hdr.ethernet.ether_type" bitwidth: 16 match_type: EXACT }
  action_refs { id: 0x01000010 }
  action_refs { id: 0x01000011 }
  size: 2
}
tables {
  preamble { id: 0x02000011 name: "Ing.lpm_t" alias: "lpm_t" }
  match_fields { id: 1 name: "hdr.ipv4.dst_addr" bitwidth: 32 match_type: LPM }
  action_refs { id: 0x01000010 }
  action_refs { id: 0x01000012 scope: TABLE_ONLY }
  action_refs { id: 0x01000013 scope: DEFAULT_ONLY }
  size: 1024
}
tables {
  preamble { id: 0x02000012 name: "Ing.range_t" alias: "range_t" }
  match_fields { id: 1 name: "meta.l4_dst" bitwidth: 16 match_type: RANGE }
  match_fields { id: 2 name: "meta.vlan" bitwidth: 12 match_type: OPTIONAL }
  match_fields { id: 3 name: "hdr.ethernet.src" bitwidth: 48 match_type: TERNARY }
  action_refs { id: 0x01000010 }
  size: 1024
}
tables {
  preamble { id: 0x02000013 name: "Ing.v6_t" alias: "v6_t" }
  match_fields { id: 1 name: "hdr.ipv6.dst_addr" bitwidth: 128 match_type: EXACT }
  action_refs { id: 0x01000010 }
  size: 1024
}
tables {
  preamble { id: 0x02000014 name: "Ing.const_t" alias: "const_t" }
  match_fields { id: 1 name: "meta.x" bitwidth: 8 match_type: EXACT }
  action_refs { id: 0x01000011 }
  is_const_table: true
}
actions { preamble { id: 0x01000010 name: "Ing.fwd" alias: "fwd" } params { id: 1 name: "port" bitwidth: 9 } }
actions { preamble { id: 0x01000011 name: "NoAction" alias: "NoAction" } }
actions { preamble { id: 0x01000012 name: "Ing.set_mark" alias: "set_mark" } params { id: 1 name: "mark" bitwidth: 8 } }
actions { preamble { id: 0x01000013 name: "Ing.reset" alias: "reset" } }
)";

const P4Program &kinds()
{
    static const P4Program program = [] {
        auto loaded = P4Program::fromP4Info(KindsP4Info);
        if (!loaded)
            qFatal("test P4Info: %s", qPrintable(loaded.error()));
        return *loaded;
    }();
    return program;
}

QByteArray hex(const char *digits)
{
    return QByteArray::fromHex(digits);
}

P4FieldMatch ternary(const char *field, const char *value, const char *mask)
{
    return {QString::fromLatin1(field), P4MatchKind::Ternary, hex(value), hex(mask), 0, {}};
}

P4FieldMatch exact(const char *field, const char *value)
{
    return {QString::fromLatin1(field), P4MatchKind::Exact, hex(value), {}, 0, {}};
}

P4FieldMatch lpm(const char *field, const char *value, int length)
{
    return {QString::fromLatin1(field), P4MatchKind::Lpm, hex(value), {}, length, {}};
}

P4FieldMatch range(const char *field, const char *low, const char *high)
{
    return {QString::fromLatin1(field), P4MatchKind::Range, hex(low), {}, 0, hex(high)};
}

P4ParamValue param(const char *name, const char *value)
{
    return {QString::fromLatin1(name), hex(value)};
}

/// A valid table0 entry: 10.0.0.2 TCP port 80 → port 2.
P4TableEntry forwardEntry()
{
    P4TableEntry entry;
    entry.table = QStringLiteral("table0");
    entry.matches = {ternary("local_metadata.l3_dst", "0a000002", "ffffffff"),
                     ternary("local_metadata.ip_proto", "06", "ff"),
                     ternary("local_metadata.l4_dst", "0050", "ffff")};
    entry.priority = 10;
    entry.action = QStringLiteral("set_egress_port");
    entry.params = {param("port", "0002")};
    return entry;
}

P4TableEntry defaultEntry(const char *table, const char *action, QList<P4ParamValue> params = {})
{
    P4TableEntry entry;
    entry.table = QString::fromLatin1(table);
    entry.isDefaultAction = true;
    entry.action = QString::fromLatin1(action);
    entry.params = std::move(params);
    return entry;
}

/// CPU time of this thread: the figures stay meaningful on a loaded CI machine.
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

QString describe(const QList<P4ValidationError> &errors)
{
    QStringList lines;
    for (const P4ValidationError &error : errors)
        lines.append(QLatin1Char('[') + error.field + QLatin1String("] ") + error.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_P4Entry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Every test below uses the shipped reference pipeline.
        QVERIFY(!P4Program::reference().isNull());
        QVERIFY(!kinds().isNull());
    }

    void parseValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("bitwidth");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const auto ok = [](const char *row, const char *text, int bitwidth, const char *bytes) {
            QTest::newRow(row) << QString::fromUtf8(text) << bitwidth << hex(bytes) << QString();
        };
        const auto bad = [](const char *row, const char *text, int bitwidth, const char *error) {
            QTest::newRow(row) << QString::fromUtf8(text) << bitwidth << QByteArray() << QString::fromUtf8(error);
        };
        ok("decimal", "80", 16, "0050");
        ok("decimal 9 bit", "511", 9, "01ff");
        ok("zero", "0", 8, "00");
        ok("hex", "0x800", 16, "0800");
        ok("hex upper", "0XFFFF", 16, "ffff");
        ok("binary", "0b1010", 8, "0a");
        ok("spaces", "  42 ", 8, "2a");
        ok("leading zeros", "0x0000000001", 8, "01");
        ok("ipv4", "10.0.0.1", 32, "0a000001");
        ok("ipv4 mask", "255.255.255.0", 32, "ffffff00");
        ok("mac", "aa:bb:cc:dd:ee:0f", 48, "aabbccddee0f");
        ok("mac short octets", "0:1:2:3:4:5", 48, "000102030405");
        ok("ipv6", "2001:db8::1", 128, "20010db8000000000000000000000001");
        ok("wide decimal", "18446744073709551616", 72, "010000000000000000");
        ok("wide hex", "0xffffffffffffffffffff", 80, "ffffffffffffffffffff");
        bad("too big", "300", 8, "value 300 does not fit in 8 bits");
        bad("too big 9 bit", "512", 9, "value 512 does not fit in 9 bits");
        bad("too big hex", "0x1ff", 8, "value 0x1ff does not fit in 8 bits");
        bad("huge", "99999999999999999999999999999999999999999999999", 32,
            "value 99999999999999999999999999999999999999999999999 does not fit in 32 bits");
        bad("negative", "-1", 8, "value -1 is negative");
        bad("empty", "  ", 8, "empty value");
        bad("not a number", "eighty", 16, "\"eighty\" is not a number (bad digit 'e')");
        bad("hex digit in decimal", "12a", 16, "\"12a\" is not a number (bad digit 'a')");
        bad("bad binary", "0b102", 8, "\"0b102\" is not a number (bad digit '2')");
        bad("bare prefix", "0x", 8, "\"0x\" is not a number");
        bad("ipv4 in 16 bits", "10.0.0.1", 16, "10.0.0.1 looks like an IPv4 address, but the field is 16 bits wide");
        bad("bad ipv4", "10.0.0.256", 32, "10.0.0.256 is not an IPv4 address");
        bad("short ipv4", "10.0.1", 32, "10.0.1 is not an IPv4 address");
        bad("bad mac", "aa:bb:cc:dd:ee", 48, "aa:bb:cc:dd:ee is not a MAC address");
        bad("mac digit", "aa:bb:cc:dd:ee:gg", 48, "aa:bb:cc:dd:ee:gg is not a MAC address");
        bad("mac in 32 bits", "aa:bb:cc:dd:ee:ff", 32, "aa:bb:cc:dd:ee:ff looks like a MAC or IPv6 address, but the field is 32 bits wide");
        bad("bad ipv6", "2001:db8:::1", 128, "2001:db8:::1 is not an IPv6 address");
    }
    void parseValue()
    {
        QFETCH(QString, text);
        QFETCH(int, bitwidth);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        auto parsed = P4Values::parse(text, bitwidth);
        if (error.isEmpty()) {
            QVERIFY2(parsed, qPrintable(parsed.error()));
            QCOMPARE(*parsed, bytes);
        } else {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error(), error);
        }
    }

    void formatValue_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("bitwidth");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::newRow("port") << hex("0002") << 9 << QStringLiteral("port") << QStringLiteral("2");
        QTest::newRow("16 bit") << hex("0800") << 16 << QStringLiteral("local_metadata.ether_type") << QStringLiteral("2048");
        QTest::newRow("address") << hex("0a000002") << 32 << QStringLiteral("local_metadata.l3_dst") << QStringLiteral("10.0.0.2");
        QTest::newRow("ip param") << hex("c0a80001") << 32 << QStringLiteral("mon_ip") << QStringLiteral("192.168.0.1");
        QTest::newRow("dst_addr") << hex("0a000002") << 32 << QStringLiteral("hdr.ipv4.dst_addr") << QStringLiteral("10.0.0.2");
        QTest::newRow("32-bit id") << hex("000000fa") << 32 << QStringLiteral("flow_id") << QStringLiteral("0xfa");
        QTest::newRow("mac") << hex("aabbccddee0f") << 48 << QStringLiteral("src_mac") << QStringLiteral("aa:bb:cc:dd:ee:0f");
        QTest::newRow("ipv6") << hex("20010db8000000000000000000000001") << 128 << QStringLiteral("dst")
                              << QStringLiteral("2001:db8::1");
        QTest::newRow("canonical in") << hex("02") << 9 << QStringLiteral("port") << QStringLiteral("2");
        QTest::newRow("zero hex") << hex("00000000") << 32 << QStringLiteral("switch_id") << QStringLiteral("0x0");
    }
    void formatValue()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, bitwidth);
        QFETCH(QString, field);
        QFETCH(QString, text);
        QCOMPARE(P4Values::format(bytes, bitwidth, field), text);
        auto back = P4Values::parse(text, bitwidth);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(*back, *P4RuntimeCodec::padded(bytes, bitwidth));
    }

    void parseMatch_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<P4TableEntry>("expected"); // one match, or none for a wildcard
        QTest::addColumn<QString>("error");
        const auto ok = [](const char *row, const char *table, const char *field, const char *text, QList<P4FieldMatch> match) {
            P4TableEntry entry;
            entry.matches = std::move(match);
            QTest::newRow(row) << QString::fromLatin1(table) << QString::fromLatin1(field) << QString::fromLatin1(text)
                               << entry << QString();
        };
        const auto bad = [](const char *row, const char *table, const char *field, const char *text, const char *error) {
            QTest::newRow(row) << QString::fromLatin1(table) << QString::fromLatin1(field) << QString::fromLatin1(text)
                               << P4TableEntry() << QString::fromUtf8(error);
        };
        ok("ternary", "table0", "l3_dst", "10.0.0.2&&&255.255.255.0",
           {ternary("local_metadata.l3_dst", "0a000002", "ffffff00")});
        ok("ternary full", "table0", "l4_dst", "80", {ternary("local_metadata.l4_dst", "0050", "ffff")});
        ok("ternary prefix", "table0", "l3_src", "10.1.0.0/16", {ternary("local_metadata.l3_src", "0a010000", "ffff0000")});
        ok("ternary 9 bit", "table0", "ingress_port", "3&&&0x1ff", {ternary("standard_metadata.ingress_port", "0003", "01ff")});
        ok("ternary wildcard", "table0", "l4_src", "*", {});
        ok("lpm", "lpm_t", "hdr.ipv4.dst_addr", "10.0.0.0/8", {lpm("hdr.ipv4.dst_addr", "0a000000", 8)});
        ok("lpm host", "lpm_t", "dst_addr", "10.0.0.1", {lpm("hdr.ipv4.dst_addr", "0a000001", 32)});
        ok("exact", "exact_t", "ether_type", "0x800", {exact("hdr.ethernet.ether_type", "0800")});
        ok("range", "range_t", "l4_dst", "1000..2000", {range("meta.l4_dst", "03e8", "07d0")});
        ok("range one", "range_t", "l4_dst", "53", {range("meta.l4_dst", "0035", "0035")});
        ok("optional", "range_t", "vlan", "100", {{QStringLiteral("meta.vlan"), P4MatchKind::Optional, hex("0064"), {}, 0, {}}});
        ok("optional wildcard", "range_t", "vlan", "*", {});
        bad("exact wildcard", "exact_t", "ether_type", "*", "hdr.ethernet.ether_type: an exact field cannot be a wildcard");
        bad("ternary mask too wide", "table0", "l4_dst", "80&&&0x1ffff",
            "local_metadata.l4_dst: mask: value 0x1ffff does not fit in 16 bits");
        bad("lpm prefix", "lpm_t", "dst_addr", "10.0.0.0/33", "hdr.ipv4.dst_addr: prefix length 33 is outside 1..32");
        bad("lpm prefix text", "lpm_t", "dst_addr", "10.0.0.0/x", "hdr.ipv4.dst_addr: \"x\" is not a prefix length");
        bad("range high", "range_t", "l4_dst", "1..70000", "meta.l4_dst: value 70000 does not fit in 16 bits");
        bad("value", "table0", "l3_dst", "10.0.0", "local_metadata.l3_dst: 10.0.0 is not an IPv4 address");
    }
    void parseMatch()
    {
        QFETCH(QString, table);
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(P4TableEntry, expected);
        QFETCH(QString, error);
        const P4Program &program = table == QLatin1String("table0") ? P4Program::reference() : kinds();
        const P4MatchFieldInfo *info = P4Program::matchField(*program.table(table), field);
        QVERIFY(info);
        auto parsed = P4Values::parseMatch(*info, text);
        if (!error.isEmpty()) {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error(), error);
            return;
        }
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->has_value(), !expected.matches.isEmpty());
        if (expected.matches.isEmpty())
            return;
        QCOMPARE(**parsed, expected.matches.first());
        // The formatted text parses back to the same match.
        auto again = P4Values::parseMatch(*info, P4Values::formatMatch(*info, **parsed));
        QVERIFY2(again && again->has_value(), qPrintable(again.error()));
        QCOMPARE(**again, **parsed);
    }

    void validate_data()
    {
        QTest::addColumn<bool>("reference");
        QTest::addColumn<P4TableEntry>("entry");
        QTest::addColumn<QString>("field");   // empty with an empty message: valid
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, bool reference, const P4TableEntry &entry, const char *field, const char *message) {
            QTest::newRow(name) << reference << entry << QString::fromLatin1(field) << QString::fromUtf8(message);
        };
        const bool R = true;
        const bool K = false;
        P4TableEntry e;

        row("valid", R, forwardEntry(), "", "");
        e = forwardEntry();
        e.table = QStringLiteral("MyIngress.table0");
        e.matches.append(ternary("ingress_port", "0001", "01ff")); // short name
        row("valid full names", R, e, "", "");
        row("valid keyless default", R, defaultEntry("int_insert", "init_metadata", {param("switch_id", "00000001")}), "", "");
        row("valid keyless NoAction", R, defaultEntry("generate_report", "NoAction"), "", "");

        e = forwardEntry();
        e.table = QStringLiteral("table9");
        row("unknown table", R, e, "", "unknown table table9");
        e = forwardEntry();
        e.matches.append(ternary("hdr.ipv4.dst", "0a000002", "ffffffff"));
        row("unknown field", R, e, "hdr.ipv4.dst", "table table0 has no match field hdr.ipv4.dst");
        e = forwardEntry();
        e.matches.append(ternary("l3_dst", "0a000003", "ffffffff"));
        row("field twice", R, e, "local_metadata.l3_dst", "local_metadata.l3_dst appears more than once");
        e = forwardEntry();
        e.matches[0] = exact("local_metadata.l3_dst", "0a000002");
        row("kind", R, e, "local_metadata.l3_dst", "local_metadata.l3_dst is a ternary field, not exact");
        e = forwardEntry();
        e.matches[2] = ternary("local_metadata.l4_dst", "000050", "ffff");
        row("value bytes", R, e, "local_metadata.l4_dst", "local_metadata.l4_dst: value 0x000050 has 3 bytes; a 16-bit value takes 2");
        e = forwardEntry();
        e.matches.append(ternary("standard_metadata.ingress_port", "0200", "01ff"));
        row("value bits", R, e, "standard_metadata.ingress_port",
            "standard_metadata.ingress_port: value 0x0200 does not fit in 9 bits");
        e = forwardEntry();
        e.matches[2] = ternary("local_metadata.l4_dst", "0050", "ff");
        row("mask bytes", R, e, "local_metadata.l4_dst", "local_metadata.l4_dst: mask: value 0xff has 1 bytes; a 16-bit value takes 2");
        e = forwardEntry();
        e.matches[0] = ternary("local_metadata.l3_dst", "0a000008", "ff00ff00");
        row("mask canonical", R, e, "local_metadata.l3_dst",
            "local_metadata.l3_dst: mask 0xff00ff00 is not canonical: value bit 3 is set where the mask is 0");
        e = forwardEntry();
        e.matches[1] = ternary("local_metadata.ip_proto", "00", "00");
        row("mask zero", R, e, "local_metadata.ip_proto",
            "local_metadata.ip_proto: mask is 0, which matches everything: leave the field out for a wildcard");
        e = forwardEntry();
        e.priority = 0;
        row("priority required", R, e, "priority", "priority is required for table table0 (ternary match)");
        e = forwardEntry();
        e.priority = -5;
        row("priority negative", R, e, "priority", "priority must be positive, not -5 (table table0)");
        e = forwardEntry();
        e.action = QStringLiteral("activate_postcard");
        e.params = {param("flow_id", "000000fa")};
        row("action not in table", R, e, "", "action activate_postcard is not an action of table table0");
        e = forwardEntry();
        e.action = QStringLiteral("teleport");
        row("unknown action", R, e, "", "unknown action teleport");
        e = forwardEntry();
        e.action.clear();
        e.params.clear();
        row("no action", R, e, "", "no action given");
        e = forwardEntry();
        e.action = QStringLiteral("send_to_cpu");
        row("unknown param", R, e, "port", "action send_to_cpu: unknown parameter port");
        e = forwardEntry();
        e.params.clear();
        row("missing param", R, e, "port", "action set_egress_port: parameter port is missing");
        e = forwardEntry();
        e.params = {param("port", "0200")};
        row("param bits", R, e, "port", "action set_egress_port: parameter port: value 0x0200 does not fit in 9 bits");
        e = forwardEntry();
        e.params = {param("port", "02")};
        row("param bytes", R, e, "port", "action set_egress_port: parameter port: value 0x02 has 1 bytes; a 9-bit value takes 2");
        e = forwardEntry();
        e.params.append(param("port", "0003"));
        row("param twice", R, e, "port", "action set_egress_port: parameter port is given more than once");
        e = defaultEntry("int_insert", "init_metadata", {param("switch_id", "00000001")});
        e.isDefaultAction = false;
        row("keyless entry", R, e, "",
            "table int_insert has no match fields: only its default action can be set (a default-action entry)");
        e = defaultEntry("generate_report", "NoAction");
        e.matches = {exact("x", "01")};
        row("default with match", R, e, "", "a default-action entry has no match fields (table generate_report)");
        e = defaultEntry("generate_report", "NoAction");
        e.priority = 3;
        row("default with priority", R, e, "priority", "a default-action entry has no priority (table generate_report)");
        row("const default", R, defaultEntry("table0", "drop"), "",
            "table table0 has a const default action (drop): it cannot be changed");
        row("default-only as entry", K,
            P4TableEntry{QStringLiteral("lpm_t"), {lpm("hdr.ipv4.dst_addr", "0a000000", 8)}, QStringLiteral("reset"), {}, 0, false, {}},
            "", "action reset can only be the default action of table lpm_t");
        row("table-only as default", K, defaultEntry("lpm_t", "set_mark", {param("mark", "01")}), "",
            "action set_mark cannot be the default action of table lpm_t");
        row("valid default-only", K, defaultEntry("lpm_t", "reset"), "", "");

        const P4TableEntry exactEntry{QStringLiteral("exact_t"),
                                      {exact("standard_metadata.ingress_port", "0001"), exact("hdr.ethernet.ether_type", "0800")},
                                      QStringLiteral("fwd"), {param("port", "0002")}, 0, false, {}};
        row("valid exact", K, exactEntry, "", "");
        e = exactEntry;
        e.priority = 1;
        row("priority not taken", K, e, "priority", "table exact_t takes no priority (no ternary, range or optional field)");
        e = exactEntry;
        e.matches.removeFirst();
        row("exact missing", K, e, "standard_metadata.ingress_port", "standard_metadata.ingress_port is an exact field and must be given");

        const P4TableEntry lpmEntry{QStringLiteral("lpm_t"), {lpm("hdr.ipv4.dst_addr", "0a000000", 8)}, QStringLiteral("fwd"),
                                    {param("port", "0002")}, 0, false, {}};
        row("valid lpm", K, lpmEntry, "", "");
        e = lpmEntry;
        e.matches = {lpm("hdr.ipv4.dst_addr", "0a000000", 33)};
        row("lpm prefix", K, e, "hdr.ipv4.dst_addr", "hdr.ipv4.dst_addr: prefix length 33 is outside 1..32");
        e.matches = {lpm("hdr.ipv4.dst_addr", "0a000001", 8)};
        row("lpm bits", K, e, "hdr.ipv4.dst_addr", "hdr.ipv4.dst_addr: value 0x0a000001 has bit 0 set beyond the /8 prefix");
        e.matches = {lpm("hdr.ipv4.dst_addr", "00000000", 0)};
        row("lpm zero", K, e, "hdr.ipv4.dst_addr",
            "hdr.ipv4.dst_addr: prefix length 0 matches everything: leave the field out for a wildcard");
        e.matches.clear();
        row("lpm wildcard", K, e, "", "");

        const P4TableEntry rangeEntry{QStringLiteral("range_t"), {range("meta.l4_dst", "03e8", "07d0")}, QStringLiteral("fwd"),
                                      {param("port", "0002")}, 5, false, {}};
        row("valid range", K, rangeEntry, "", "");
        e = rangeEntry;
        e.matches = {range("meta.l4_dst", "07d0", "03e8")};
        row("range order", K, e, "meta.l4_dst", "meta.l4_dst: range low 0x07d0 is greater than high 0x03e8");
        e.matches = {range("meta.l4_dst", "0000", "ffff")};
        row("range full", K, e, "meta.l4_dst", "meta.l4_dst: range covers every value: leave the field out for a wildcard");
        e.matches = {range("meta.l4_dst", "0001", "010000")};
        row("range high bytes", K, e, "meta.l4_dst", "meta.l4_dst: high: value 0x010000 has 3 bytes; a 16-bit value takes 2");
        e.matches = {{QStringLiteral("meta.vlan"), P4MatchKind::Optional, hex("1000"), {}, 0, {}}};
        row("optional bits", K, e, "meta.vlan", "meta.vlan: value 0x1000 does not fit in 12 bits");
        e.priority = 0;
        e.matches.clear();
        row("range priority", K, e, "priority", "priority is required for table range_t (range match)");

        row("const table", K,
            P4TableEntry{QStringLiteral("const_t"), {exact("meta.x", "01")}, QStringLiteral("NoAction"), {}, 0, false, {}},
            "", "table const_t is const: its entries are part of the program and cannot be written");
    }
    void validate()
    {
        QFETCH(bool, reference);
        QFETCH(P4TableEntry, entry);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const P4Program &program = reference ? P4Program::reference() : kinds();
        const QList<P4ValidationError> errors = P4Validation::validate(program, entry);
        if (message.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
            return;
        }
        // Exactly the one problem, named precisely: no collateral errors.
        QCOMPARE(describe(errors), describe({{field, message}}));
    }

    void validateNullProgram()
    {
        const auto errors = P4Validation::validate(P4Program(), forwardEntry());
        QCOMPARE(describe(errors), QStringLiteral("[] no P4 program is loaded"));
    }

    void validateSet()
    {
        const P4Program &program = P4Program::reference();
        P4TableEntry other = forwardEntry();
        other.matches[0] = ternary("local_metadata.l3_dst", "0a000003", "ffffffff");
        P4TableEntry sameKeyOtherAction = forwardEntry();
        sameKeyOtherAction.table = QStringLiteral("MyIngress.table0"); // same table by its full name
        sameKeyOtherAction.action = QStringLiteral("drop");
        sameKeyOtherAction.params.clear();
        std::reverse(sameKeyOtherAction.matches.begin(), sameKeyOtherAction.matches.end()); // order is not identity
        P4TableEntry otherPriority = forwardEntry();
        otherPriority.priority = 11;
        P4TableEntry broken = other;
        broken.params = {param("port", "0400")};
        const auto init = defaultEntry("int_insert", "init_metadata", {param("switch_id", "00000001")});

        const QList<P4TableEntry> entries = {forwardEntry(), other, sameKeyOtherAction, otherPriority, init, broken, init};
        QCOMPARE(describe(P4Validation::validateSet(program, entries)),
                 QStringLiteral("[#2] entry #0 has the same match key in table table0\n"
                                "[#5.port] action set_egress_port: parameter port: value 0x0400 does not fit in 9 bits\n"
                                "[#5] entry #1 has the same match key in table table0\n"
                                "[#6] entry #4 already sets the default action of table int_insert"));
        QVERIFY(P4Validation::validateSet(program, {forwardEntry(), other, otherPriority, init}).isEmpty());

        // Table sizes: exact_t holds two entries; default entries do not count.
        const auto exactEntry = [](const char *etherType) {
            return P4TableEntry{QStringLiteral("exact_t"),
                                {exact("standard_metadata.ingress_port", "0001"), exact("hdr.ethernet.ether_type", etherType)},
                                QStringLiteral("NoAction"), {}, 0, false, {}};
        };
        const QList<P4TableEntry> three = {exactEntry("0800"), exactEntry("86dd"), defaultEntry("exact_t", "NoAction"),
                                           exactEntry("0806")};
        QCOMPARE(describe(P4Validation::validateSet(kinds(), three)),
                 QStringLiteral("[#3] table exact_t holds at most 2 entries; the set has 3"));
    }

    void matchKey()
    {
        P4TableEntry a = forwardEntry();
        P4TableEntry b = forwardEntry();
        std::reverse(b.matches.begin(), b.matches.end());
        b.action = QStringLiteral("drop");
        b.params.clear();
        b.note = QStringLiteral("another note");
        QCOMPARE(a.matchKey(), b.matchKey());
        b.priority = 11;
        QVERIFY(a.matchKey() != b.matchKey());
        b = forwardEntry();
        b.matches[0].mask = hex("ffffff00");
        b.matches[0].value = hex("0a000000");
        QVERIFY(a.matchKey() != b.matchKey());
        b = forwardEntry();
        b.matches.removeLast(); // a wildcard is a different key
        QVERIFY(a.matchKey() != b.matchKey());
        QCOMPARE(defaultEntry("int_insert", "init_metadata").matchKey(), QStringLiteral("int_insert/default"));
        QCOMPARE(defaultEntry("generate_report", "NoAction").matchKey(), QStringLiteral("generate_report/default"));
    }

    void textRoundTrip_data()
    {
        QTest::addColumn<bool>("reference");
        QTest::addColumn<QString>("line"); // canonical form: format(parse(line)) == line
        const auto row = [](const char *name, bool reference, const char *line) {
            QTest::newRow(name) << reference << QString::fromUtf8(line);
        };
        row("ternary", true,
            "table0 local_metadata.l3_dst=10.0.0.2&&&255.255.255.255 local_metadata.ip_proto=6&&&0xff "
            "local_metadata.l4_dst=80&&&0xffff priority=10 action=set_egress_port(port=2)");
        row("ports and macs", true,
            "table0 standard_metadata.ingress_port=1&&&0x1ff local_metadata.l2_src=aa:bb:cc:00:00:01&&&ff:ff:ff:ff:ff:ff "
            "local_metadata.ether_type=2048&&&0xffff priority=1 action=send_to_cpu");
        row("subnet", true, "table0 local_metadata.l3_src=10.1.0.0&&&255.255.0.0 priority=5 action=drop # tenant 1");
        row("postcard", true,
            "postcard_telemetry local_metadata.l3_src=10.0.1.5&&&255.255.255.255 local_metadata.l3_dst=10.0.2.7&&&255.255.255.255 "
            "local_metadata.ip_proto=17&&&0xff priority=1 action=activate_postcard(flow_id=0xfa)");
        row("keyless", true, "int_insert default action=init_metadata(switch_id=0x3)");
        row("report", true,
            "generate_report default action=do_report_encapsulation(src_mac=00:00:00:00:00:03,mon_mac=02:42:ac:11:00:02,"
            "src_ip=10.0.0.3,mon_ip=172.17.0.2,mon_port=9555)");
        row("exact", false, "exact_t standard_metadata.ingress_port=3 hdr.ethernet.ether_type=34525 action=fwd(port=511)");
        row("lpm", false, "lpm_t hdr.ipv4.dst_addr=10.0.0.0/8 action=set_mark(mark=7)");
        row("range optional", false, "range_t meta.l4_dst=1000..2000 meta.vlan=100 priority=3 action=fwd(port=1)");
        row("ternary mac", false, "range_t hdr.ethernet.src=aa:00:00:00:00:00&&&ff:00:00:00:00:00 priority=3 action=fwd(port=1)");
        row("ipv6", false, "v6_t hdr.ipv6.dst_addr=2001:db8::1 action=fwd(port=1)");
        row("default", false, "lpm_t default action=reset");
    }
    void textRoundTrip()
    {
        QFETCH(bool, reference);
        QFETCH(QString, line);
        const P4Program &program = reference ? P4Program::reference() : kinds();
        auto entry = P4EntryText::parse(program, line);
        QVERIFY2(entry, qPrintable(entry.error()));
        QVERIFY2(P4Validation::validate(program, *entry).isEmpty(), qPrintable(describe(P4Validation::validate(program, *entry))));
        QCOMPARE(P4EntryText::format(program, *entry), line);

        // JSON carries the same entry.
        const QJsonObject json = toJson(program, *entry);
        auto fromJson = p4EntryFromJson(program, json);
        QVERIFY2(fromJson, qPrintable(fromJson.error()));
        QCOMPARE(*fromJson, *entry);

        // And so does the wire, note aside.
        p4::v1::TableEntry wire;
        auto encoded = P4RuntimeCodec::toProto(program, *entry, &wire);
        QVERIFY2(encoded, qPrintable(encoded.error()));
        auto decoded = P4RuntimeCodec::fromProto(program, wire);
        QVERIFY2(decoded, qPrintable(decoded.error()));
        P4TableEntry withoutNote = *entry;
        withoutNote.note.clear();
        QCOMPARE(*decoded, withoutNote);
    }

    void textForms()
    {
        const P4Program &program = P4Program::reference();
        // Short names, spaces in the parameter list, wildcards dropped, fields in P4Info order.
        auto entry = P4EntryText::parse(program, QStringLiteral("  MyIngress.table0 l4_dst=80 l3_dst=10.0.0.2 l4_src=* "
                                                                "priority=10   action=MyIngress.set_egress_port( port = 2 )  "));
        QVERIFY2(entry, qPrintable(entry.error()));
        P4TableEntry expected = forwardEntry();
        expected.matches.removeAt(1);
        QCOMPARE(*entry, expected);
        QCOMPARE(entry->table, QStringLiteral("table0")); // aliases, whatever was typed

        entry = P4EntryText::parse(program, QStringLiteral("table0 priority=1 action=drop() # the note # with hash"));
        QVERIFY2(entry, qPrintable(entry.error()));
        QCOMPARE(entry->note, QStringLiteral("the note # with hash"));
        QVERIFY(entry->params.isEmpty());
    }

    void textErrors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *line, const char *error) {
            QTest::newRow(*line ? line : "(empty)") << QString::fromUtf8(line) << QString::fromUtf8(error);
        };
        row("", "empty entry: expected a table name");
        row("# only a note", "empty entry: expected a table name");
        row("tabel0 priority=1", "unknown table tabel0");
        row("table0 l5_dst=80", "table table0 has no match field l5_dst");
        row("table0 l4_dst=80000", "local_metadata.l4_dst: value 80000 does not fit in 16 bits");
        row("table0 priority=high", "priority must be a whole number, not \"high\"");
        row("table0 action=fly", "unknown action fly");
        row("table0 action=", "no action name after action=");
        row("table0 action=send_to_cpu(port=1)", "action send_to_cpu: unknown parameter port");
        row("table0 action=set_egress_port(port=600)", "action set_egress_port: parameter port: value 600 does not fit in 9 bits");
        row("table0 action=set_egress_port(2)", "action set_egress_port: expected name=value, got \"2\"");
        row("table0 action=set_egress_port(port=2", "action set_egress_port: missing ')'");
        row("table0 action=drop action=drop", "more than one action= given");
        row("table0 10.0.0.1", "expected field=value, priority=N, action=NAME(...) or default; got \"10.0.0.1\"");
    }
    void textErrors()
    {
        QFETCH(QString, line);
        QFETCH(QString, error);
        auto entry = P4EntryText::parse(P4Program::reference(), line);
        QVERIFY(!entry);
        QCOMPARE(entry.error(), error);
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("no table") << QByteArray(R"({"action":"drop"})") << QStringLiteral("entry JSON: \"table\" must be a string");
        QTest::newRow("unknown table") << QByteArray(R"({"table":"t9"})") << QStringLiteral("unknown table t9");
        QTest::newRow("match type") << QByteArray(R"({"table":"table0","match":[1]})")
                                    << QStringLiteral("entry JSON: \"match\" must be an object of field: value");
        QTest::newRow("match value") << QByteArray(R"({"table":"table0","match":{"l4_dst":80}})")
                                     << QStringLiteral("entry JSON: match l4_dst must be a string");
        QTest::newRow("priority") << QByteArray(R"({"table":"table0","priority":1.5})")
                                  << QStringLiteral("entry JSON: \"priority\" must be a whole number >= 0");
        QTest::newRow("params without action") << QByteArray(R"({"table":"table0","params":{"port":"1"}})")
                                               << QStringLiteral("entry JSON: \"params\" given without an action");
        QTest::newRow("param") << QByteArray(R"({"table":"table0","action":"set_egress_port","params":{"port":"x"}})")
                               << QStringLiteral("action set_egress_port: parameter port: \"x\" is not a number (bad digit 'x')");
        QTest::newRow("default") << QByteArray(R"({"table":"int_insert","default":"yes"})")
                                 << QStringLiteral("entry JSON: \"default\" must be true or false");
    }
    void jsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto entry = p4EntryFromJson(P4Program::reference(), QJsonDocument::fromJson(json).object());
        QVERIFY(!entry);
        QCOMPARE(entry.error(), error);
    }

    void canonical_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("port 1") << hex("0001") << QByteArray("\x01", 1);
        QTest::newRow("zero") << hex("0000") << QByteArray("\x00", 1);
        QTest::newRow("one zero") << hex("00") << QByteArray("\x00", 1);
        QTest::newRow("empty") << QByteArray() << QByteArray("\x00", 1);
        QTest::newRow("already") << hex("1f") << hex("1f");
        QTest::newRow("inner zeros") << hex("000a0000") << hex("0a0000");
        QTest::newRow("mac") << hex("000000000001") << hex("01");
    }
    void canonical()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, canonical);
        QCOMPARE(P4RuntimeCodec::canonical(value), canonical);
    }

    void padded_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("bitwidth");
        QTest::addColumn<QByteArray>("padded");
        QTest::addColumn<QString>("error");
        QTest::newRow("canonical") << hex("01") << 9 << hex("0001") << QString();
        QTest::newRow("padded") << hex("0001") << 9 << hex("0001") << QString();
        QTest::newRow("over-padded") << hex("00000001") << 9 << hex("0001") << QString();
        QTest::newRow("zero") << hex("00") << 32 << hex("00000000") << QString();
        QTest::newRow("max") << hex("01ff") << 9 << hex("01ff") << QString();
        QTest::newRow("48") << hex("0102") << 48 << hex("000000000102") << QString();
        QTest::newRow("too wide") << hex("0200") << 9 << QByteArray() << QStringLiteral("value 0x0200 does not fit in 9 bits");
        QTest::newRow("too long") << hex("010000") << 16 << QByteArray() << QStringLiteral("value 0x010000 does not fit in 16 bits");
        QTest::newRow("empty") << QByteArray() << 8 << QByteArray()
                               << QStringLiteral("empty value (P4Runtime values have at least one byte)");
    }
    void padded()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, bitwidth);
        QFETCH(QByteArray, padded);
        QFETCH(QString, error);
        auto result = P4RuntimeCodec::padded(value, bitwidth);
        if (error.isEmpty()) {
            QVERIFY2(result, qPrintable(result.error()));
            QCOMPARE(*result, padded);
        } else {
            QVERIFY(!result);
            QCOMPARE(result.error(), error);
        }
    }

    void codecWire()
    {
        const P4Program &program = P4Program::reference();
        P4TableEntry entry = forwardEntry();
        entry.params = {param("port", "0001")};
        entry.matches.append(ternary("local_metadata.l4_src", "0000", "ff00")); // zero value, nonzero mask
        p4::v1::TableEntry wire;
        QVERIFY(P4RuntimeCodec::toProto(program, entry, &wire));
        QCOMPARE(wire.table_id(), 0x02000001u);
        QCOMPARE(wire.priority(), 10);
        QVERIFY(!wire.is_default_action());
        QCOMPARE(wire.match_size(), 4);
        QCOMPARE(wire.match(0).field_id(), 6u); // l3_dst
        QCOMPARE(wire.match(0).ternary().value(), std::string("\x0a\x00\x00\x02", 4));
        QCOMPARE(wire.match(0).ternary().mask(), std::string("\xff\xff\xff\xff", 4));
        QCOMPARE(wire.match(2).ternary().value(), std::string("\x50", 1));
        QCOMPARE(wire.match(3).ternary().value(), std::string("\x00", 1));
        QCOMPARE(wire.match(3).ternary().mask(), std::string("\xff\x00", 2));
        QCOMPARE(wire.action().action().action_id(), program.action(QStringLiteral("set_egress_port"))->id);
        QCOMPARE(wire.action().action().params(0).param_id(), 1u);
        QCOMPARE(wire.action().action().params(0).value(), std::string("\x01", 1)); // port 1 → "\x01"

        // Padded values from a server that does not shorten are accepted.
        wire.mutable_match(2)->mutable_ternary()->set_value(std::string("\x00\x50", 2));
        wire.mutable_action()->mutable_action()->mutable_params(0)->set_value(std::string("\x00\x01", 2));
        auto decoded = P4RuntimeCodec::fromProto(program, wire);
        QVERIFY2(decoded, qPrintable(decoded.error()));
        P4TableEntry expected = entry;
        // fromProto gives the fields in P4Info order.
        std::sort(expected.matches.begin(), expected.matches.end(), [&](const P4FieldMatch &a, const P4FieldMatch &b) {
            const P4TableInfo &table0 = *program.table(QStringLiteral("table0"));
            return P4Program::matchField(table0, a.field) < P4Program::matchField(table0, b.field);
        });
        QCOMPARE(*decoded, expected);

        // Default entries of keyless tables.
        p4::v1::TableEntry defaults;
        QVERIFY(P4RuntimeCodec::toProto(program, defaultEntry("int_insert", "init_metadata", {param("switch_id", "00000000")}), &defaults));
        QVERIFY(defaults.is_default_action());
        QCOMPARE(defaults.match_size(), 0);
        QCOMPARE(defaults.action().action().params(0).value(), std::string("\x00", 1)); // zero → "\x00"
    }

    void codecErrors()
    {
        const P4Program &program = P4Program::reference();
        p4::v1::TableEntry wire;
        P4TableEntry entry = forwardEntry();
        entry.table = QStringLiteral("nope");
        QCOMPARE(P4RuntimeCodec::toProto(program, entry, &wire).error(), QStringLiteral("unknown table nope"));
        entry = forwardEntry();
        entry.matches[0].kind = P4MatchKind::Lpm;
        QCOMPARE(P4RuntimeCodec::toProto(program, entry, &wire).error(),
                 QStringLiteral("local_metadata.l3_dst is a ternary field, not lpm"));
        entry = forwardEntry();
        entry.action = QStringLiteral("send_to_cpu");
        QCOMPARE(P4RuntimeCodec::toProto(program, entry, &wire).error(), QStringLiteral("action send_to_cpu: unknown parameter port"));

        QVERIFY(P4RuntimeCodec::toProto(program, forwardEntry(), &wire));
        p4::v1::TableEntry bad = wire;
        bad.set_table_id(0x02000099);
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(), QStringLiteral("unknown table id 0x02000099"));
        bad = wire;
        bad.mutable_match(0)->set_field_id(42);
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(), QStringLiteral("table table0 has no match field id 42"));
        bad = wire;
        bad.mutable_match(0)->mutable_exact()->set_value("\x01");
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(), QStringLiteral("local_metadata.l3_dst is a ternary field, not exact"));
        bad = wire;
        bad.mutable_match(0)->mutable_ternary()->set_value(std::string("\x01\x00\x00\x00\x00", 5));
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(),
                 QStringLiteral("local_metadata.l3_dst: value 0x0100000000 does not fit in 32 bits"));
        bad = wire;
        bad.mutable_action()->mutable_action()->set_action_id(0x01000099);
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(), QStringLiteral("unknown action id 0x01000099"));
        bad = wire;
        bad.mutable_action()->mutable_action()->mutable_params(0)->set_param_id(7);
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(), QStringLiteral("action set_egress_port has no parameter id 7"));
        bad = wire;
        bad.mutable_action()->mutable_action()->mutable_params(0)->set_value(std::string("\x02\x00", 2));
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(),
                 QStringLiteral("action set_egress_port: parameter port: value 0x0200 does not fit in 9 bits"));
        bad = wire;
        bad.mutable_action()->set_action_profile_member_id(3);
        QCOMPARE(P4RuntimeCodec::fromProto(program, bad).error(),
                 QStringLiteral("table table0: action profile members and groups are not supported"));
    }

    void diff()
    {
        P4TableEntry kept = forwardEntry();
        P4TableEntry changed = forwardEntry();
        changed.matches[0] = ternary("local_metadata.l3_dst", "0a000003", "ffffffff");
        P4TableEntry changedInstalled = changed;
        changedInstalled.params = {param("port", "0003")};
        P4TableEntry added = forwardEntry();
        added.priority = 20;
        P4TableEntry removed = forwardEntry();
        removed.matches[0] = ternary("local_metadata.l3_dst", "0a000004", "ffffffff");
        P4TableEntry noteOnly = defaultEntry("int_insert", "init_metadata", {param("switch_id", "00000001")});
        P4TableEntry noteOnlyInstalled = noteOnly;
        noteOnlyInstalled.note = QStringLiteral("notes are not on the wire");
        const P4TableEntry report = defaultEntry("generate_report", "NoAction");
        P4TableEntry reportInstalled = report;
        reportInstalled.action = QStringLiteral("do_report_encapsulation");

        const P4EntryDiff result = diffEntries({kept, changed, added, noteOnly, report, kept},
                                               {removed, noteOnlyInstalled, kept, changedInstalled, reportInstalled});
        QCOMPARE(result.unchanged, 2);
        QCOMPARE(result.toInsert, QList<P4TableEntry>({added}));
        QCOMPARE(result.toModify, QList<P4TableEntry>({changed, report}));
        QCOMPARE(result.toDelete, QList<P4TableEntry>({removed}));
        QVERIFY(!result.isEmpty());

        QVERIFY(diffEntries({kept, changed}, {changed, kept}).isEmpty());
        QCOMPARE(diffEntries({}, {kept}).toDelete.size(), 1);
        QCOMPARE(diffEntries({kept}, {}).toInsert.size(), 1);
    }

    /// validate() is hash lookups and byte compares: far below a microsecond an entry.
    void validationCost()
    {
        const P4Program &program = P4Program::reference();
        QList<P4TableEntry> entries;
        for (int i = 0; i < 1000; ++i) {
            P4TableEntry entry = forwardEntry();
            entry.matches[0].value = QByteArray::fromHex(QByteArray::number(0x0a000000 + i, 16).rightJustified(8, '0'));
            entry.matches.append(ternary("local_metadata.l3_src", "0a010000", "ffff0000"));
            entry.matches.append(ternary("standard_metadata.ingress_port", "0001", "01ff"));
            entries.append(entry);
        }
        constexpr int Rounds = 1000; // 1M validations
        QElapsedTimer timer;
        timer.start();
        qint64 cpuStart = threadCpuNs();
        qsizetype errors = 0;
        for (int round = 0; round < Rounds; ++round) {
            for (const P4TableEntry &entry : std::as_const(entries))
                errors += P4Validation::validate(program, entry).size();
        }
        const qint64 cpuNs = threadCpuNs() - cpuStart;
        const qint64 count = qint64(Rounds) * entries.size();
        QCOMPARE(errors, 0);
        qInfo("validate: %lld ns CPU per entry, %lld ns wall (1M entries, 5 ternary fields, 1 parameter)",
              cpuNs / count, timer.nsecsElapsed() / count);
        QVERIFY2(cpuNs < 10'000'000'000LL, "1M validations took more than 10 s of CPU");

        QList<P4TableEntry> set;
        for (int i = 0; i < 60000; ++i) {
            P4TableEntry entry = forwardEntry();
            entry.matches[0].value = QByteArray::fromHex(QByteArray::number(0x0a000000 + i, 16).rightJustified(8, '0'));
            set.append(std::move(entry));
        }
        timer.restart();
        cpuStart = threadCpuNs();
        const auto setErrors = P4Validation::validateSet(program, set);
        qInfo("validateSet: %lld ns CPU per entry, %lld ns wall (60k entries of table0)",
              (threadCpuNs() - cpuStart) / set.size(), timer.nsecsElapsed() / set.size());
        QVERIFY2(setErrors.isEmpty(), qPrintable(describe(setErrors.mid(0, 3))));

        timer.restart();
        cpuStart = threadCpuNs();
        const P4EntryDiff diff = diffEntries(set, set);
        qInfo("diffEntries: %lld ns CPU per entry, %lld ns wall (60k against 60k)",
              (threadCpuNs() - cpuStart) / set.size(), timer.nsecsElapsed() / set.size());
        QCOMPARE(diff.unchanged, set.size());
    }
};

QTEST_GUILESS_MAIN(tst_P4Entry)
#include "tst_p4entry.moc"
