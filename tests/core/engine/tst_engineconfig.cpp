#include "engine/EngineConfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;

class TestEngineConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pluginSettingsBecomeVariantMaps()
    {
        const QByteArray text = "plugins:\n"
                                "  slurm:\n"
                                "    clusters:\n"
                                "      - id: hpc-1\n"
                                "        transport: ssh\n"
                                "        port: 2222\n"
                                "        environment: { SLURM_CONF: /etc/slurm/slurm.conf }\n"
                                "  libvirt:\n"
                                "    clusters:\n"
                                "      - id: kvm-1\n"
                                "        hosts: [ { uri: \"qemu:///system\" }, { uri: \"test:///default\" } ]\n"
                                "  simulator:\n";
        const auto config = EngineConfig::parse(text, QStringLiteral("inline"));
        QVERIFY2(config, qPrintable(config.error()));
        QCOMPARE(config->pluginSettings.size(), 3);
        const QVariantList clusters = config->pluginSettings.value(QStringLiteral("slurm"))
                                          .value(QStringLiteral("clusters")).toList();
        QCOMPARE(clusters.size(), 1);
        const QVariantMap hpc = clusters.first().toMap();
        QCOMPARE(hpc.value(QStringLiteral("id")).toString(), QStringLiteral("hpc-1"));
        QCOMPARE(hpc.value(QStringLiteral("port")).toInt(), 2222);
        QCOMPARE(hpc.value(QStringLiteral("environment")).toMap().value(QStringLiteral("SLURM_CONF")).toString(),
                 QStringLiteral("/etc/slurm/slurm.conf"));
        const QVariantList hosts = config->pluginSettings.value(QStringLiteral("libvirt"))
                                       .value(QStringLiteral("clusters")).toList().first().toMap()
                                       .value(QStringLiteral("hosts")).toList();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts.at(1).toMap().value(QStringLiteral("uri")).toString(), QStringLiteral("test:///default"));
        QVERIFY(config->pluginSettings.value(QStringLiteral("simulator")).isEmpty());
    }

    void emptyAndMissingFiles()
    {
        QVERIFY(EngineConfig::parse({}, QStringLiteral("empty"))->pluginSettings.isEmpty());
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("nope.yaml"));
        QVERIFY(EngineConfig::load(missing, false));
        const auto required = EngineConfig::load(missing, true);
        QVERIFY(!required);
        QVERIFY(required.error().contains(QStringLiteral("does not exist")));
    }

    void malformedFilesSayWhere_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not yaml") << QByteArray("plugins: [a, b\n") << QStringLiteral("line");
        QTest::newRow("top is a list") << QByteArray("- a\n- b\n") << QStringLiteral("must be a mapping");
        QTest::newRow("plugins a list") << QByteArray("plugins:\n  - slurm\n") << QStringLiteral("line 2");
        QTest::newRow("settings a scalar") << QByteArray("plugins:\n  slurm: yes\n")
                                           << QStringLiteral("\"slurm\" must be a mapping");
    }

    void malformedFilesSayWhere()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto config = EngineConfig::parse(text, QStringLiteral("bad.yaml"));
        QVERIFY(!config);
        QVERIFY2(config.error().contains(expected), qPrintable(config.error()));
        QVERIFY(config.error().startsWith(QStringLiteral("bad.yaml")));
    }
};

QTEST_GUILESS_MAIN(TestEngineConfig)
#include "tst_engineconfig.moc"
