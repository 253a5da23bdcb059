// The P4 program model: the reference BRAINE pipeline shipped as a resource, lookups by name,
// alias and id, text and binary P4Info round trips, parse errors with line:column, and the
// consistency checks that refuse a P4Info the rest of Continuo could not trust.

#include "network/P4Program.h"

#include "p4/config/v1/p4info.pb.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <google/protobuf/text_format.h>

using namespace Continuo;

namespace {

/// A small valid P4Info: one table, two actions, one direct counter.
const char MinimalP4Info[] = R"(
pkg_info { name: "mini" arch: "v1model" }
tables {
  preamble { id: 0x02000001 name: "Ing.t" alias: "t" }
  match_fields { id: 1 name: "hdr.ipv4.dst_addr" bitwidth: 32 match_type: LPM }
  action_refs { id: 0x01000001 }
  action_refs { id: 0x01000002 scope: DEFAULT_ONLY }
  direct_resource_ids: 0x13000001
  size: 16
}
actions { preamble { id: 0x01000001 name: "Ing.fwd" alias: "fwd" } params { id: 1 name: "port" bitwidth: 9 } }
actions { preamble { id: 0x01000002 name: "NoAction" alias: "NoAction" } }
direct_counters { preamble { id: 0x13000001 name: "Ing.t_counter" alias: "t_counter" } spec { unit: BOTH } direct_table_id: 0x02000001 }
)";

QByteArray replaced(const char *before, const char *after)
{
    QByteArray text(MinimalP4Info);
    const qsizetype at = text.indexOf(before);
    if (at < 0)
        qFatal("test fixture: \"%s\" is not in the minimal P4Info", before);
    return text.replace(at, qsizetype(strlen(before)), after);
}

} // namespace

class tst_P4Program : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reference()
    {
        const P4Program &program = P4Program::reference();
        QVERIFY(!program.isNull());
        QCOMPARE(program.name(), QStringLiteral("braine_int"));
        QCOMPARE(program.arch(), QStringLiteral("v1model"));
        QCOMPARE(program.tables().size(), 4);
        QCOMPARE(program.actions().size(), 7);
        QCOMPARE(program.registers().size(), 1);
        QCOMPARE(&P4Program::reference(), &program); // loaded once

        const P4TableInfo *table0 = program.table(QStringLiteral("table0"));
        QVERIFY(table0);
        QCOMPARE(table0->name, QStringLiteral("MyIngress.table0"));
        QCOMPARE(table0->id, 0x02000001u);
        QCOMPARE(table0->size, 65536);
        QCOMPARE(table0->matchFields.size(), 9);
        const QList<std::pair<QString, int>> fields = {
            {QStringLiteral("standard_metadata.ingress_port"), 9}, {QStringLiteral("local_metadata.l2_src"), 48},
            {QStringLiteral("local_metadata.l2_dst"), 48},         {QStringLiteral("local_metadata.ether_type"), 16},
            {QStringLiteral("local_metadata.l3_src"), 32},         {QStringLiteral("local_metadata.l3_dst"), 32},
            {QStringLiteral("local_metadata.ip_proto"), 8},        {QStringLiteral("local_metadata.l4_src"), 16},
            {QStringLiteral("local_metadata.l4_dst"), 16}};
        for (qsizetype i = 0; i < fields.size(); ++i) {
            QCOMPARE(table0->matchFields.at(i).name, fields.at(i).first);
            QCOMPARE(table0->matchFields.at(i).bitwidth, fields.at(i).second);
            QVERIFY(table0->matchFields.at(i).kind == P4MatchKind::Ternary);
        }
        QVERIFY(table0->needsPriority());
        QVERIFY(!table0->doc.isEmpty());
        QCOMPARE(table0->actionIds.size(), 3);
        const P4ActionInfo *drop = program.action(QStringLiteral("drop"));
        QVERIFY(drop);
        QCOMPARE(table0->constDefaultActionId, drop->id);
        QCOMPARE(table0->directCounterIds.size(), 1);

        const P4CounterInfo *direct = program.counter(QStringLiteral("table0_counter"));
        QVERIFY(direct);
        QCOMPARE(direct->directTableId, table0->id);
        QVERIFY(direct->unit == P4CounterUnit::Both);
        QCOMPARE(direct->id >> 24, 0x13u);
        const P4CounterInfo *ports = program.counter(QStringLiteral("MyIngress.port_packets"));
        QVERIFY(ports);
        QVERIFY(ports->unit == P4CounterUnit::Packets);
        QCOMPARE(ports->size, 512);
        QCOMPARE(ports->id >> 24, 0x12u);

        const P4TableInfo *postcards = program.table(QStringLiteral("postcard_telemetry"));
        QVERIFY(postcards);
        QCOMPARE(postcards->matchFields.size(), 5);
        QCOMPARE(postcards->size, 4096);
        const P4ActionInfo *activate = program.action(QStringLiteral("activate_postcard"));
        QVERIFY(activate);
        QCOMPARE(activate->params.size(), 1);
        QCOMPARE(activate->params.first().name, QStringLiteral("flow_id"));
        QCOMPARE(activate->params.first().bitwidth, 32);

        for (const char *keyless : {"int_insert", "generate_report"}) {
            const P4TableInfo *table = program.table(QString::fromLatin1(keyless));
            QVERIFY2(table, keyless);
            QVERIFY(table->matchFields.isEmpty());
            QVERIFY(!table->needsPriority());
            QCOMPARE(table->size, 1);
        }
        const P4ActionInfo *report = program.action(QStringLiteral("MyEgress.do_report_encapsulation"));
        QVERIFY(report);
        QStringList params;
        QList<int> widths;
        for (const P4ActionParamInfo &param : report->params) {
            params.append(param.name);
            widths.append(param.bitwidth);
        }
        QCOMPARE(params, QStringList({QStringLiteral("src_mac"), QStringLiteral("mon_mac"), QStringLiteral("src_ip"),
                                      QStringLiteral("mon_ip"), QStringLiteral("mon_port")}));
        QCOMPARE(widths, QList<int>({48, 48, 32, 32, 16}));
        const P4ActionInfo *init = program.action(QStringLiteral("init_metadata"));
        QVERIFY(init);
        QCOMPARE(init->params.first().name, QStringLiteral("switch_id"));

        QCOMPARE(program.packetInMetadata().size(), 2);
        QCOMPARE(program.packetInMetadata().first().name, QStringLiteral("ingress_port"));
        QCOMPARE(program.packetInMetadata().first().bitwidth, 9);
        QCOMPARE(program.packetOutMetadata().first().name, QStringLiteral("egress_port"));
        QCOMPARE(program.registers().first().name, QStringLiteral("MyEgress.report_seq"));
        QCOMPARE(program.registers().first().bitwidth, 32);

        // Every id carries its resource type in its top byte (P4Runtime 1.3 §6.3).
        for (const P4TableInfo &table : program.tables())
            QCOMPARE(table.id >> 24, 0x02u);
        for (const P4ActionInfo &action : program.actions())
            QCOMPARE(action.id >> 24, 0x01u);
    }

    void lookups_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("table");
        QTest::newRow("alias") << QStringLiteral("postcard_telemetry") << QStringLiteral("MyIngress.postcard_telemetry");
        QTest::newRow("name") << QStringLiteral("MyEgress.int_insert") << QStringLiteral("MyEgress.int_insert");
        QTest::newRow("missing") << QStringLiteral("table9") << QString();
        QTest::newRow("case matters") << QStringLiteral("Table0") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void lookups()
    {
        QFETCH(QString, key);
        QFETCH(QString, table);
        const P4Program &program = P4Program::reference();
        const P4TableInfo *found = program.table(key);
        QCOMPARE(found ? found->name : QString(), table);
        if (found) {
            QCOMPARE(program.table(found->id), found);
            QCOMPARE(program.table(found->alias), found);
        }
    }

    void lookupsById()
    {
        const P4Program &program = P4Program::reference();
        QVERIFY(program.table(QStringLiteral("table0")));
        QVERIFY(program.action(QStringLiteral("set_egress_port")));
        for (const P4ActionInfo &action : program.actions()) {
            QCOMPARE(program.action(action.id), &action);
            QCOMPARE(program.action(action.name), &action);
            QCOMPARE(program.action(action.alias), &action);
        }
        QCOMPARE(program.action(0x01999999u), nullptr);
        QCOMPARE(program.table(0u), nullptr);
        QCOMPARE(program.counter(0x13000001u), program.counter(QStringLiteral("table0_counter")));

        const P4TableInfo &table0 = *program.table(QStringLiteral("table0"));
        QCOMPARE(P4Program::matchField(table0, QStringLiteral("l3_dst")), &table0.matchFields.at(5));
        QCOMPARE(P4Program::matchField(table0, QStringLiteral("local_metadata.l3_dst")), &table0.matchFields.at(5));
        QCOMPARE(P4Program::matchField(table0, QStringLiteral("hdr.l3_dst")), nullptr);
        QCOMPARE(P4Program::matchField(table0, QStringLiteral("nosuch")), nullptr);
        const P4ActionInfo &forward = *program.action(QStringLiteral("set_egress_port"));
        QCOMPARE(P4Program::param(forward, QStringLiteral("port")), &forward.params.first());
        QCOMPARE(P4Program::param(forward, QStringLiteral("flow_id")), nullptr);
    }

    void nullProgram()
    {
        const P4Program program;
        QVERIFY(program.isNull());
        QVERIFY(program.tables().isEmpty());
        QCOMPARE(program.table(QStringLiteral("table0")), nullptr);
        QCOMPARE(program.action(1u), nullptr);
        QVERIFY(program.serializedP4Info().isEmpty());
    }

    void matchKindNames_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("exact") << int(P4MatchKind::Exact) << QStringLiteral("exact");
        QTest::newRow("lpm") << int(P4MatchKind::Lpm) << QStringLiteral("lpm");
        QTest::newRow("ternary") << int(P4MatchKind::Ternary) << QStringLiteral("ternary");
        QTest::newRow("range") << int(P4MatchKind::Range) << QStringLiteral("range");
        QTest::newRow("optional") << int(P4MatchKind::Optional) << QStringLiteral("optional");
        QTest::newRow("unknown") << int(P4MatchKind::Unknown) << QStringLiteral("unknown");
    }
    void matchKindNames()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        QCOMPARE(toString(P4MatchKind(kind)), name);
    }

    void binaryRoundTrip()
    {
        const P4Program &program = P4Program::reference();
        const QByteArray binary = program.serializedP4Info();
        QVERIFY(binary.size() > 500);
        auto again = P4Program::fromP4Info(binary);
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->serializedP4Info(), binary);
        QCOMPARE(again->tables().size(), program.tables().size());
        QCOMPARE(again->table(QStringLiteral("table0"))->matchFields.size(), 9);
    }

    void textRoundTrip()
    {
        const P4Program &program = P4Program::reference();
        std::string text;
        QVERIFY(google::protobuf::TextFormat::PrintToString(program.p4Info(), &text));
        auto again = P4Program::fromP4Info(QByteArray::fromStdString(text));
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->serializedP4Info(), program.serializedP4Info());
        QCOMPARE(again->name(), QStringLiteral("braine_int"));
    }

    void fromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("mini.p4info.bin"));
        auto mini = P4Program::fromP4Info(MinimalP4Info);
        QVERIFY2(mini, qPrintable(mini.error()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(mini->serializedP4Info());
        file.close();
        auto loaded = P4Program::fromP4InfoFile(path);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        QCOMPARE(loaded->name(), QStringLiteral("mini"));
        QCOMPARE(loaded->table(QStringLiteral("t"))->defaultOnlyActionIds, QList<quint32>({0x01000002u}));

        auto missing = P4Program::fromP4InfoFile(dir.filePath(QStringLiteral("nope.txt")));
        QVERIFY(!missing);
        QVERIFY2(missing.error().startsWith(QStringLiteral("cannot read P4Info ")), qPrintable(missing.error()));
    }

    /// p4c writes fields this schema subset does not model: they are skipped.
    void unknownFieldsSkipped()
    {
        QByteArray text(MinimalP4Info);
        text += "type_info { serializable_enums { key: \"E\" value { underlying_type { bitwidth: 8 } } } }\n"
                "externs { extern_type_id: 129 extern_type_name: \"x\" }\n";
        auto program = P4Program::fromP4Info(text);
        QVERIFY2(program, qPrintable(program.error()));
        QCOMPARE(program->tables().size(), 1);
    }

    void malformedText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad number") << QByteArray("pkg_info { name: \"x\" }\ntables {\n  preamble { id: twelve }\n}\n")
                                    << QStringLiteral("P4Info text 3:18: ");
        QTest::newRow("unterminated") << QByteArray("tables {\n  preamble {\n")
                                      << QStringLiteral("P4Info text 3:1: ");
        QTest::newRow("bad enum") << QByteArray("tables {\n  preamble { id: 0x02000001 name: \"t\" }\n"
                                                "  match_fields { id: 1 name: \"f\" bitwidth: 8 match_type: FUZZY }\n}\n")
                                  << QStringLiteral("P4Info text 3:64: Unknown enumeration value of \"FUZZY\""); // protobuf points past the value
        QTest::newRow("string quote") << QByteArray("pkg_info {\n  name: \"x\n}\n") << QStringLiteral("P4Info text 2:11: String literals cannot cross line boundaries");
        QTest::newRow("empty") << QByteArray(" \n\t") << QStringLiteral("the P4Info is empty");
        QTest::newRow("binary junk") << QByteArray("\x0a\x05\x01\x02", 4)
                                     << QStringLiteral("the P4Info is neither protobuf text nor binary wire format (4 bytes)");
    }
    void malformedText()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        auto program = P4Program::fromP4Info(text);
        QVERIFY(!program);
        QVERIFY2(program.error().startsWith(error), qPrintable(program.error()));
    }

    void inconsistent_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const QByteArray &text, const char *error) {
            QTest::newRow(name) << text << QStringLiteral("inconsistent P4Info: ") + QString::fromUtf8(error);
        };
        row("duplicate id", replaced("0x01000002 name: \"NoAction\"", "0x01000001 name: \"NoAction\""),
            "duplicate id 0x01000001: Ing.fwd and NoAction");
        row("missing action", replaced("action_refs { id: 0x01000001 }", "action_refs { id: 0x01000009 }"),
            "table Ing.t refers to action 0x01000009, which does not exist");
        row("zero width", replaced("bitwidth: 32", "bitwidth: 0"),
            "table Ing.t: match field hdr.ipv4.dst_addr has bit width 0");
        row("zero param width", replaced("bitwidth: 9", "bitwidth: 0"),
            "action Ing.fwd: parameter port has bit width 0");
        row("wrong prefix", replaced("id: 0x02000001 name", "id: 0x01000005 name"),
            "table Ing.t: id 0x01000005 does not have the table prefix 0x02");
        row("no match type", replaced(" match_type: LPM", ""), "table Ing.t: match field hdr.ipv4.dst_addr has no match type");
        row("other match type", replaced("match_type: LPM", "other_match_type: \"selector\""),
            "table Ing.t: match field hdr.ipv4.dst_addr has match type \"selector\", which Continuo does not support");
        row("duplicate field", replaced("match_type: LPM }", "match_type: LPM }\n  match_fields { id: 2 name: \"hdr.ipv4.dst_addr\" bitwidth: 32 match_type: EXACT }"),
            "table Ing.t: duplicate match field hdr.ipv4.dst_addr");
        row("duplicate field id", replaced("match_type: LPM }", "match_type: LPM }\n  match_fields { id: 1 name: \"x\" bitwidth: 8 match_type: EXACT }"),
            "table Ing.t: duplicate match field id 1");
        row("duplicate alias", replaced("alias: \"NoAction\"", "alias: \"fwd\""), "duplicate action name or alias fwd");
        row("direct counter table", replaced("direct_table_id: 0x02000001", "direct_table_id: 0x02000007"),
            "direct counter Ing.t_counter counts table 0x02000007, which does not exist");
        row("direct resource", replaced("direct_resource_ids: 0x13000001", "direct_resource_ids: 0x13000002"),
            "table Ing.t: direct resource 0x13000002 is not a direct counter");
        row("const default", replaced("size: 16", "size: 16 const_default_action_id: 0x01000009"),
            "table Ing.t: const default action 0x01000009 is not one of its default actions");
        row("no name", replaced("name: \"Ing.fwd\"", ""), "action 0x01000001 has no name");
        row("negative size", replaced("size: 16", "size: -1"), "table Ing.t has size -1");
    }
    void inconsistent()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        auto program = P4Program::fromP4Info(text);
        QVERIFY(!program);
        QCOMPARE(program.error(), error);
    }

    void copiesShareTheModel()
    {
        auto program = P4Program::fromP4Info(MinimalP4Info);
        QVERIFY2(program, qPrintable(program.error()));
        const P4Program copy = *program;
        QCOMPARE(copy.table(QStringLiteral("t")), program->table(QStringLiteral("t")));
        P4Program assigned;
        assigned = copy;
        QCOMPARE(assigned.name(), QStringLiteral("mini"));
    }
};

QTEST_GUILESS_MAIN(tst_P4Program)
#include "tst_p4program.moc"
