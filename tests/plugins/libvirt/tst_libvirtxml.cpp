#include "DomainXmlBuilder.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace Continuo;
using namespace Continuo::Libvirt;

namespace {

/// A tiny DOM over QXmlStreamReader: element path -> attributes/text, in document order.
struct XmlNode
{
    QString path;
    QXmlStreamAttributes attributes;
    QString text;
    QString namespaceUri;
};

QList<XmlNode> parse(const QString &xml, QString *error = nullptr)
{
    QList<XmlNode> nodes;
    QXmlStreamReader r(xml);
    QStringList path;
    QList<qsizetype> open;
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::StartElement) {
            path.append(r.name().toString());
            nodes.append({path.join(QLatin1Char('/')), r.attributes(), QString(),
                          r.namespaceUri().toString()});
            open.append(nodes.size() - 1);
        } else if (token == QXmlStreamReader::Characters && !open.isEmpty()) {
            nodes[open.last()].text += r.text().toString().trimmed();
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
            open.removeLast();
        }
    }
    if (error)
        *error = r.hasError() ? r.errorString() : QString();
    return nodes;
}

QList<XmlNode> find(const QList<XmlNode> &nodes, const QString &path)
{
    QList<XmlNode> found;
    for (const XmlNode &node : nodes) {
        if (node.path == path)
            found.append(node);
    }
    return found;
}

QString attr(const XmlNode &node, const char *name)
{
    return node.attributes.value(QLatin1String(name)).toString();
}

HostFacts twoCellKvmHost()
{
    HostFacts host;
    host.domainType = QStringLiteral("kvm");
    host.arch = QStringLiteral("x86_64");
    host.numaCells = {NumaCell{0, {0, 1, 2, 3}, 8LL << 30}, NumaCell{1, {4, 5, 6, 7, 8, 9, 10, 11}, 16LL << 30}};
    return host;
}

Deployment deployment(const QString &id)
{
    Deployment d;
    d.id = id;
    d.workloadId = QStringLiteral("w-1");
    return d;
}

Workload vm()
{
    Workload w;
    w.id = QStringLiteral("w-1");
    w.kind = WorkloadKind::VirtualMachine;
    w.image = QStringLiteral("/var/lib/images/debian.qcow2");
    w.request.cpuCores = 2.5;
    w.request.memoryBytes = 2LL << 30;
    return w;
}

Workload unikernel()
{
    Workload w;
    w.id = QStringLiteral("u-1");
    w.kind = WorkloadKind::Unikernel;
    w.image = QStringLiteral("/opt/unikernels/hello.elf");
    w.labels.insert(QStringLiteral("libvirt.cmdline"), QStringLiteral("console=ttyS0 quiet"));
    return w;
}

} // namespace

class tst_LibvirtXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void virtualMachine()
    {
        auto spec = DomainXmlBuilder::build(deployment(QStringLiteral("dep/1")), vm(), twoCellKvmHost(),
                                            QStringLiteral("/var/log/continuo"));
        QVERIFY2(spec.hasValue(), qPrintable(spec.error()));
        QString error;
        const auto nodes = parse(spec->xml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(spec->name, QStringLiteral("continuo-dep-1"));
        QCOMPARE(attr(find(nodes, QStringLiteral("domain")).value(0), "type"), QStringLiteral("kvm"));
        QCOMPARE(find(nodes, QStringLiteral("domain/name")).value(0).text, QStringLiteral("continuo-dep-1"));
        QCOMPARE(find(nodes, QStringLiteral("domain/uuid")).value(0).text, spec->uuid);
        QCOMPARE(spec->uuid, DomainXmlBuilder::domainUuid(QStringLiteral("dep/1")));
        QVERIFY(spec->uuid != DomainXmlBuilder::domainUuid(QStringLiteral("dep/2")));

        const auto meta = find(nodes, QStringLiteral("domain/metadata/deployment"));
        QCOMPARE(meta.size(), 1);
        QCOMPARE(meta.first().namespaceUri, QLatin1String(MetadataNamespace));
        QCOMPARE(attr(meta.first(), "id"), QStringLiteral("dep/1"));
        QCOMPARE(attr(meta.first(), "workload"), QStringLiteral("w-1"));

        QCOMPARE(find(nodes, QStringLiteral("domain/memory")).value(0).text, QString::number(2 * 1024 * 1024));
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/memory")).value(0), "unit"), QStringLiteral("KiB"));
        QCOMPARE(find(nodes, QStringLiteral("domain/currentMemory")).value(0).text, QString::number(2 * 1024 * 1024));
        const auto vcpu = find(nodes, QStringLiteral("domain/vcpu")).value(0);
        QCOMPARE(vcpu.text, QStringLiteral("3")); // ceil(2.5)
        QCOMPARE(attr(vcpu, "placement"), QStringLiteral("static"));
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/cpu")).value(0), "mode"), QStringLiteral("host-passthrough"));
        QCOMPARE(find(nodes, QStringLiteral("domain/os/type")).value(0).text, QStringLiteral("hvm"));
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/os/type")).value(0), "arch"), QStringLiteral("x86_64"));
        QVERIFY(find(nodes, QStringLiteral("domain/os/kernel")).isEmpty());

        const auto disk = find(nodes, QStringLiteral("domain/devices/disk"));
        QCOMPARE(disk.size(), 1);
        const auto driver = find(nodes, QStringLiteral("domain/devices/disk/driver")).value(0);
        QCOMPARE(attr(driver, "type"), QStringLiteral("qcow2"));
        QCOMPARE(attr(driver, "cache"), QStringLiteral("none"));
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/devices/disk/source")).value(0), "file"), vm().image);
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/devices/disk/target")).value(0), "bus"), QStringLiteral("virtio"));
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/devices/interface/source")).value(0), "network"),
                 QStringLiteral("default"));
        const auto log = find(nodes, QStringLiteral("domain/devices/serial/log"));
        QCOMPARE(log.size(), 1);
        QCOMPARE(attr(log.first(), "file"), QStringLiteral("/var/log/continuo/continuo-dep-1.log"));
        QCOMPARE(spec->consoleLogPath, attr(log.first(), "file"));
        QCOMPARE(find(nodes, QStringLiteral("domain/on_poweroff")).value(0).text, QStringLiteral("destroy"));
        QCOMPARE(find(nodes, QStringLiteral("domain/devices/console")).size(), 1);

        // describe() reads back what operators see.
        const DomainDescription d = DomainXmlBuilder::describe(spec->xml);
        QCOMPARE(d.name, spec->name);
        QCOMPARE(d.vcpus, 3);
        QCOMPARE(d.memoryBytes, 2LL << 30);
        QCOMPARE(d.disks, QStringList{vm().image});
        QCOMPARE(d.interfaces, QStringList{QStringLiteral("network:default")});
        QCOMPARE(d.consoleLogPath, spec->consoleLogPath);
        QCOMPARE(d.metadata.deploymentId, QStringLiteral("dep/1"));
        QVERIFY(!d.metadata.isPoolShell);
    }

    void rawDiskOnTcgHasNoPassthroughOrCacheNone()
    {
        Workload w = vm();
        w.image = QStringLiteral("/images/disk.img");
        w.labels.insert(QStringLiteral("libvirt.network"), QStringLiteral("none"));
        HostFacts host = twoCellKvmHost();
        host.domainType = QStringLiteral("qemu");
        auto spec = DomainXmlBuilder::build(deployment(QStringLiteral("d2")), w, host, QStringLiteral("/logs"));
        QVERIFY2(spec.hasValue(), qPrintable(spec.error()));
        const auto nodes = parse(spec->xml);
        QCOMPARE(attr(find(nodes, QStringLiteral("domain")).value(0), "type"), QStringLiteral("qemu"));
        QVERIFY(find(nodes, QStringLiteral("domain/cpu")).isEmpty());
        const auto driver = find(nodes, QStringLiteral("domain/devices/disk/driver")).value(0);
        QCOMPARE(attr(driver, "type"), QStringLiteral("raw"));
        QVERIFY(attr(driver, "cache").isEmpty());
        QVERIFY(find(nodes, QStringLiteral("domain/devices/interface")).isEmpty());
    }

    void unikernelProfile()
    {
        Workload w = unikernel();
        w.labels.insert(QStringLiteral("libvirt.initrd"), QStringLiteral("/opt/unikernels/initrd.img"));
        HostFacts host = twoCellKvmHost();
        host.domainType = QStringLiteral("xen");
        auto spec = DomainXmlBuilder::build(deployment(QStringLiteral("uk")), w, host, QStringLiteral("/logs"));
        QVERIFY2(spec.hasValue(), qPrintable(spec.error()));
        const auto nodes = parse(spec->xml);
        QCOMPARE(attr(find(nodes, QStringLiteral("domain")).value(0), "type"), QStringLiteral("xen"));
        QCOMPARE(find(nodes, QStringLiteral("domain/os/kernel")).value(0).text, w.image);
        QCOMPARE(find(nodes, QStringLiteral("domain/os/cmdline")).value(0).text, QStringLiteral("console=ttyS0 quiet"));
        QCOMPARE(find(nodes, QStringLiteral("domain/os/initrd")).value(0).text, QStringLiteral("/opt/unikernels/initrd.img"));
        QVERIFY(find(nodes, QStringLiteral("domain/devices/disk")).isEmpty());
        QVERIFY(find(nodes, QStringLiteral("domain/devices/interface")).isEmpty());
        QCOMPARE(spec->memoryBytes, DomainXmlBuilder::defaultMemoryBytes(WorkloadKind::Unikernel));
        QCOMPARE(find(nodes, QStringLiteral("domain/memory")).value(0).text, QStringLiteral("32768"));
        QCOMPARE(find(nodes, QStringLiteral("domain/vcpu")).value(0).text, QStringLiteral("1"));

        // A unikernel gets a network only when asked.
        w.labels.insert(QStringLiteral("libvirt.network"), QStringLiteral("edge-net"));
        spec = DomainXmlBuilder::build(deployment(QStringLiteral("uk")), w, host, QStringLiteral("/logs"));
        QVERIFY(spec.hasValue());
        QCOMPARE(attr(find(parse(spec->xml), QStringLiteral("domain/devices/interface/source")).value(0), "network"),
                 QStringLiteral("edge-net"));
    }

    void pinningToOneNumaCell_data()
    {
        QTest::addColumn<double>("cpus");
        QTest::addColumn<int>("cell");
        QTest::addColumn<QString>("cpuset");
        QTest::newRow("fits cell 0") << 2.0 << 0 << QStringLiteral("0,1,2,3");
        QTest::newRow("only cell 1 is big enough") << 6.0 << 1 << QStringLiteral("4,5,6,7,8,9,10,11");
        QTest::newRow("fits no cell") << 12.0 << -1 << QString();
    }

    void pinningToOneNumaCell()
    {
        QFETCH(double, cpus);
        QFETCH(int, cell);
        QFETCH(QString, cpuset);
        Workload w = vm();
        w.request.cpuCores = cpus;
        w.request.memoryBytes = 1LL << 30;
        auto spec = DomainXmlBuilder::build(deployment(QStringLiteral("p")), w, twoCellKvmHost(), QStringLiteral("/l"));
        QVERIFY2(spec.hasValue(), qPrintable(spec.error()));
        const auto nodes = parse(spec->xml);
        const auto pins = find(nodes, QStringLiteral("domain/cputune/vcpupin"));
        const auto numa = find(nodes, QStringLiteral("domain/numatune/memory"));
        QCOMPARE(spec->numaCell, cell);
        if (cell < 0) {
            QVERIFY(pins.isEmpty());
            QVERIFY(numa.isEmpty());
            QVERIFY(attr(find(nodes, QStringLiteral("domain/vcpu")).value(0), "cpuset").isEmpty());
            return;
        }
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/vcpu")).value(0), "cpuset"), cpuset);
        QCOMPARE(pins.size(), int(cpus));
        const QStringList cellCpus = cpuset.split(QLatin1Char(','));
        for (int i = 0; i < pins.size(); ++i) {
            QCOMPARE(attr(pins.at(i), "vcpu"), QString::number(i));
            QCOMPARE(attr(pins.at(i), "cpuset"), cellCpus.at(i));
        }
        QCOMPARE(numa.size(), 1);
        QCOMPARE(attr(numa.first(), "mode"), QStringLiteral("strict"));
        QCOMPARE(attr(numa.first(), "nodeset"), QString::number(cell));
    }

    void pinningDisabledByLabel()
    {
        Workload w = vm();
        w.labels.insert(QStringLiteral("libvirt.pinning"), QStringLiteral("none"));
        auto spec = DomainXmlBuilder::build(deployment(QStringLiteral("p")), w, twoCellKvmHost(), QStringLiteral("/l"));
        QVERIFY(spec.hasValue());
        QVERIFY(find(parse(spec->xml), QStringLiteral("domain/cputune")).isEmpty());
        QVERIFY(find(parse(spec->xml), QStringLiteral("domain/numatune")).isEmpty());
    }

    void hostdevPassthrough()
    {
        Workload w = vm();
        w.labels.insert(QStringLiteral("libvirt.hostdev"),
                        QStringLiteral("pci:0000:3b:00.0, mdev:4b20d080-1b54-4048-85b3-a6a62d165c01"));
        auto spec = DomainXmlBuilder::build(deployment(QStringLiteral("h")), w, twoCellKvmHost(), QStringLiteral("/l"));
        QVERIFY2(spec.hasValue(), qPrintable(spec.error()));
        const auto nodes = parse(spec->xml);
        const auto devs = find(nodes, QStringLiteral("domain/devices/hostdev"));
        QCOMPARE(devs.size(), 2);
        QCOMPARE(attr(devs.at(0), "mode"), QStringLiteral("subsystem"));
        QCOMPARE(attr(devs.at(0), "type"), QStringLiteral("pci"));
        QCOMPARE(attr(devs.at(0), "managed"), QStringLiteral("yes"));
        QCOMPARE(attr(devs.at(1), "type"), QStringLiteral("mdev"));
        QCOMPARE(attr(devs.at(1), "model"), QStringLiteral("vfio-pci"));
        const auto addresses = find(nodes, QStringLiteral("domain/devices/hostdev/source/address"));
        QCOMPARE(addresses.size(), 2);
        QCOMPARE(attr(addresses.at(0), "domain"), QStringLiteral("0x0000"));
        QCOMPARE(attr(addresses.at(0), "bus"), QStringLiteral("0x3b"));
        QCOMPARE(attr(addresses.at(0), "slot"), QStringLiteral("0x00"));
        QCOMPARE(attr(addresses.at(0), "function"), QStringLiteral("0x0"));
        QCOMPARE(attr(addresses.at(1), "uuid"), QStringLiteral("4b20d080-1b54-4048-85b3-a6a62d165c01"));
    }

    void escaping()
    {
        Workload w = unikernel();
        w.image = QStringLiteral("/opt/<uni>&\"kernel\"'.elf");
        w.labels.insert(QStringLiteral("libvirt.cmdline"), QStringLiteral("a=<b> & c=\"d\" </cmdline><evil/>"));
        Deployment d = deployment(QStringLiteral("x\"/><evil/>"));
        d.workloadId = QStringLiteral("w&<>\"'");
        auto spec = DomainXmlBuilder::build(d, w, twoCellKvmHost(), QStringLiteral("/logs/<dir>"));
        QVERIFY2(spec.hasValue(), qPrintable(spec.error()));
        QString error;
        const auto nodes = parse(spec->xml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(find(nodes, QStringLiteral("domain/evil")).isEmpty());
        QVERIFY(find(nodes, QStringLiteral("domain/os/evil")).isEmpty());
        QVERIFY(find(nodes, QStringLiteral("domain/metadata/evil")).isEmpty());
        QCOMPARE(find(nodes, QStringLiteral("domain/os/kernel")).value(0).text, w.image);
        QCOMPARE(find(nodes, QStringLiteral("domain/os/cmdline")).value(0).text,
                 w.labels.value(QStringLiteral("libvirt.cmdline")));
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/metadata/deployment")).value(0), "id"), d.id);
        QCOMPARE(attr(find(nodes, QStringLiteral("domain/metadata/deployment")).value(0), "workload"), d.workloadId);
        QCOMPARE(spec->name, QStringLiteral("continuo-x----evil--"));
        QCOMPARE(DomainXmlBuilder::describe(spec->xml).metadata.deploymentId, d.id);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("NUL in image") << "image" << QStringLiteral("/images/a") + QChar(0) + QStringLiteral("b.qcow2")
                                      << "control character";
        QTest::newRow("relative image") << "image" << "images/a.qcow2" << "not an absolute path";
        QTest::newRow("empty image") << "image" << "" << "is empty";
        QTest::newRow("network with slash") << "libvirt.network" << "../etc/passwd" << "contains '/'";
        QTest::newRow("network with space") << "libvirt.network" << "my net" << "not a valid name";
        QTest::newRow("bad pci") << "libvirt.hostdev" << "pci:0000:3b:00" << "malformed PCI address";
        QTest::newRow("pci bad function") << "libvirt.hostdev" << "pci:0000:3b:00.9" << "malformed PCI address";
        QTest::newRow("pci not hex") << "libvirt.hostdev" << "pci:zzzz:3b:00.0" << "malformed PCI address";
        QTest::newRow("bad mdev") << "libvirt.hostdev" << "mdev:not-a-uuid" << "malformed mdev UUID";
        QTest::newRow("unknown hostdev") << "libvirt.hostdev" << "usb:1234:5678" << "unknown kind";
        QTest::newRow("newline in cmdline") << "libvirt.cmdline" << "a\nb" << "control character";
        QTest::newRow("initrd on a vm") << "libvirt.initrd" << "/boot/initrd" << "unikernels only";
        QTest::newRow("container kind") << "kind" << "container" << "not \"container\" workloads";
        QTest::newRow("unknown domain type") << "domainType" << "lxc" << "unsupported domain type";
        QTest::newRow("empty deployment id") << "deployment" << "" << "no id";
    }

    void badInput()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        Workload w = vm();
        HostFacts host = twoCellKvmHost();
        Deployment d = deployment(QStringLiteral("bad"));
        if (field == QLatin1String("image"))
            w.image = value;
        else if (field == QLatin1String("kind"))
            w.kind = WorkloadKind::Container;
        else if (field == QLatin1String("domainType"))
            host.domainType = value;
        else if (field == QLatin1String("deployment"))
            d.id = value;
        else
            w.labels.insert(field, value);
        auto spec = DomainXmlBuilder::build(d, w, host, QStringLiteral("/logs"));
        QVERIFY(!spec.hasValue());
        QVERIFY2(spec.error().contains(expected), qPrintable(spec.error()));
    }

    void poolShell()
    {
        auto spec = DomainXmlBuilder::buildPoolShell(QStringLiteral("continuo-pool-1"), unikernel(),
                                                     twoCellKvmHost(), QStringLiteral("/l"));
        QVERIFY2(spec.hasValue(), qPrintable(spec.error()));
        const DomainDescription d = DomainXmlBuilder::describe(spec->xml);
        QVERIFY(d.metadata.isPoolShell);
        QVERIFY(d.metadata.deploymentId.isEmpty());
        QCOMPARE(d.name, QStringLiteral("continuo-pool-1"));
        const QString element = DomainXmlBuilder::metadataElement(QStringLiteral("a&b"), QStringLiteral("w"));
        QCOMPARE(element, QStringLiteral("<deployment id=\"a&amp;b\" workload=\"w\"/>"));
    }
};

QTEST_GUILESS_MAIN(tst_LibvirtXml)
#include "tst_libvirtxml.moc"
