#include "DomainXmlBuilder.h"

#include <QDir>
#include <QRegularExpression>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cmath>

namespace Continuo::Libvirt {

namespace {

const QString kNetworkLabel = QStringLiteral("libvirt.network");
const QString kCmdlineLabel = QStringLiteral("libvirt.cmdline");
const QString kInitrdLabel = QStringLiteral("libvirt.initrd");
const QString kHostdevLabel = QStringLiteral("libvirt.hostdev");
const QString kPinningLabel = QStringLiteral("libvirt.pinning");

/// Name-based UUIDs of domains live in their own namespace.
const QUuid kUuidNamespace(QStringLiteral("{5b0c3f8e-7a4d-4f2b-9c61-0d2e8a7b4c19}"));

Result<void> checkText(const QString &what, const QString &value)
{
    for (const QChar c : value) {
        const char16_t code = c.unicode();
        if (code < 0x20 || code == 0x7f || c.isSurrogate() || code == 0xfffe || code == 0xffff)
            return makeError(QStringLiteral("%1 contains a control character (code %2)")
                                 .arg(what)
                                 .arg(int(code)));
    }
    return {};
}

Result<void> checkPath(const QString &what, const QString &path)
{
    if (path.isEmpty())
        return makeError(QStringLiteral("%1 is empty").arg(what));
    if (auto ok = checkText(what, path); !ok)
        return ok;
    if (!QDir::isAbsolutePath(path))
        return makeError(QStringLiteral("%1 \"%2\" is not an absolute path").arg(what, path));
    return {};
}

Result<void> checkName(const QString &what, const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.:+-]{1,64}$"));
    if (auto ok = checkText(what, name); !ok)
        return ok;
    if (name.contains(QLatin1Char('/')))
        return makeError(QStringLiteral("%1 \"%2\" contains '/'").arg(what, name));
    if (!pattern.match(name).hasMatch())
        return makeError(QStringLiteral("%1 \"%2\" is not a valid name (letters, digits, "
                                        "'_', '.', ':', '+', '-'; at most 64)")
                             .arg(what, name));
    return {};
}

struct Hostdev
{
    enum class Type { Unknown, Pci, Mdev } type = Type::Unknown;
    QString domain, bus, slot, function; // PCI, hex without 0x
    QString uuid;                        // mdev
};

Result<QList<Hostdev>> parseHostdevs(const QString &text)
{
    static const QRegularExpression pci(QStringLiteral(
        "^([0-9a-fA-F]{4}):([0-9a-fA-F]{2}):([0-1][0-9a-fA-F])\\.([0-7])$"));
    QList<Hostdev> result;
    const QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString item : items) {
        item = item.trimmed();
        if (auto ok = checkText(QStringLiteral("hostdev"), item); !ok)
            return makeError(ok.error());
        Hostdev dev;
        if (item.startsWith(QLatin1String("pci:"))) {
            const auto match = pci.match(item.mid(4));
            if (!match.hasMatch())
                return makeError(QStringLiteral("hostdev \"%1\": malformed PCI address (want "
                                                "pci:DDDD:BB:SS.F, e.g. pci:0000:3b:00.0)")
                                     .arg(item));
            dev.type = Hostdev::Type::Pci;
            dev.domain = match.captured(1).toLower();
            dev.bus = match.captured(2).toLower();
            dev.slot = match.captured(3).toLower();
            dev.function = match.captured(4);
        } else if (item.startsWith(QLatin1String("mdev:"))) {
            const QString uuidText = item.mid(5);
            const QUuid uuid = QUuid::fromString(uuidText);
            if (uuid.isNull() || uuidText.size() != 36)
                return makeError(QStringLiteral("hostdev \"%1\": malformed mdev UUID").arg(item));
            dev.type = Hostdev::Type::Mdev;
            dev.uuid = uuid.toString(QUuid::WithoutBraces);
        } else {
            return makeError(QStringLiteral("hostdev \"%1\": unknown kind (want pci:... or "
                                            "mdev:...)")
                                 .arg(item));
        }
        result.append(dev);
    }
    return result;
}

QString cpuList(const QList<int> &cpus)
{
    QStringList parts;
    for (int cpu : cpus)
        parts.append(QString::number(cpu));
    return parts.join(QLatin1Char(','));
}

struct BuildInput
{
    QString name;
    QString uuid;
    QString deploymentId;
    QString workloadId;
    bool poolShell = false;
};

Result<DomainSpec> buildDomain(const BuildInput &input, const Workload &workload,
                               const HostFacts &host, const QString &logDirectory)
{
    const bool isUnikernel = workload.kind == WorkloadKind::Unikernel;
    if (workload.kind != WorkloadKind::VirtualMachine && !isUnikernel)
        return makeError(QStringLiteral("libvirt runs virtual machines and unikernels, not "
                                        "\"%1\" workloads")
                             .arg(toString(workload.kind)));
    static const QStringList domainTypes = {QStringLiteral("kvm"), QStringLiteral("qemu"),
                                            QStringLiteral("xen"), QStringLiteral("test")};
    if (!domainTypes.contains(host.domainType))
        return makeError(QStringLiteral("unsupported domain type \"%1\" (kvm, qemu, xen, test)")
                             .arg(host.domainType));
    if (auto ok = checkText(QStringLiteral("deployment id"), input.deploymentId); !ok)
        return makeError(ok.error());
    if (auto ok = checkText(QStringLiteral("workload id"), input.workloadId); !ok)
        return makeError(ok.error());
    if (auto ok = checkName(QStringLiteral("domain name"), input.name); !ok)
        return makeError(ok.error());
    if (auto ok = checkText(QStringLiteral("architecture"), host.arch); !ok)
        return makeError(ok.error());
    if (auto ok = checkPath(isUnikernel ? QStringLiteral("unikernel kernel image")
                                        : QStringLiteral("disk image"),
                            workload.image);
        !ok)
        return makeError(ok.error());
    if (auto ok = checkPath(QStringLiteral("log directory"), logDirectory); !ok)
        return makeError(ok.error());
    if (workload.request.cpuCores < 0.0 || workload.request.memoryBytes < 0)
        return makeError(QStringLiteral("negative resource request"));
    if (workload.request.cpuCores > 4096.0)
        return makeError(QStringLiteral("%1 cpus is more than any host offers")
                             .arg(workload.request.cpuCores));

    const QString cmdline = workload.labels.value(kCmdlineLabel);
    const QString initrd = workload.labels.value(kInitrdLabel);
    if (auto ok = checkText(QStringLiteral("kernel command line"), cmdline); !ok)
        return makeError(ok.error());
    if (!initrd.isEmpty()) {
        if (!isUnikernel)
            return makeError(QStringLiteral("libvirt.initrd applies to unikernels only"));
        if (auto ok = checkPath(QStringLiteral("initrd"), initrd); !ok)
            return makeError(ok.error());
    }

    QString network = workload.labels.value(kNetworkLabel);
    if (network.isEmpty() && !isUnikernel)
        network = QStringLiteral("default");
    if (network == QLatin1String("none"))
        network.clear();
    if (!network.isEmpty()) {
        if (auto ok = checkName(QStringLiteral("network"), network); !ok)
            return makeError(ok.error());
    }

    auto hostdevs = parseHostdevs(workload.labels.value(kHostdevLabel));
    if (!hostdevs)
        return makeError(hostdevs.error());

    DomainSpec spec;
    spec.name = input.name;
    spec.uuid = input.uuid;
    spec.vcpus = std::max(1, int(std::ceil(workload.request.cpuCores - 1e-9)));
    spec.memoryBytes = workload.request.memoryBytes > 0 ? workload.request.memoryBytes
                                                        : DomainXmlBuilder::defaultMemoryBytes(workload.kind);
    const qint64 memoryKiB = (spec.memoryBytes + 1023) / 1024;
    spec.consoleLogPath = QDir(logDirectory).filePath(input.name + QLatin1String(".log"));

    const bool pinning = workload.labels.value(kPinningLabel) != QLatin1String("none");
    const NumaCell *cell = nullptr;
    if (pinning) {
        for (const NumaCell &candidate : host.numaCells) {
            if (candidate.cpus.size() >= spec.vcpus
                && (candidate.memoryBytes == 0 || candidate.memoryBytes >= spec.memoryBytes)) {
                cell = &candidate;
                break;
            }
        }
    }
    if (cell) {
        spec.pinnedCpus = cell->cpus.mid(0, spec.vcpus);
        if (host.numaCells.size() > 1)
            spec.numaCell = cell->id;
    }
    const bool isKvm = host.domainType == QLatin1String("kvm");

    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartElement(QStringLiteral("domain"));
    w.writeAttribute(QStringLiteral("type"), host.domainType);
    w.writeTextElement(QStringLiteral("name"), spec.name);
    w.writeTextElement(QStringLiteral("uuid"), spec.uuid);

    w.writeStartElement(QStringLiteral("metadata"));
    w.writeNamespace(QLatin1String(MetadataNamespace), QLatin1String(MetadataPrefix));
    w.writeStartElement(QLatin1String(MetadataNamespace), QStringLiteral("deployment"));
    if (input.poolShell) {
        w.writeAttribute(QStringLiteral("pool"), QStringLiteral("1"));
    } else {
        w.writeAttribute(QStringLiteral("id"), input.deploymentId);
        w.writeAttribute(QStringLiteral("workload"), input.workloadId);
    }
    w.writeEndElement();
    w.writeEndElement(); // metadata

    w.writeStartElement(QStringLiteral("memory"));
    w.writeAttribute(QStringLiteral("unit"), QStringLiteral("KiB"));
    w.writeCharacters(QString::number(memoryKiB));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("currentMemory"));
    w.writeAttribute(QStringLiteral("unit"), QStringLiteral("KiB"));
    w.writeCharacters(QString::number(memoryKiB));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("vcpu"));
    w.writeAttribute(QStringLiteral("placement"), QStringLiteral("static"));
    if (cell)
        w.writeAttribute(QStringLiteral("cpuset"), cpuList(cell->cpus));
    w.writeCharacters(QString::number(spec.vcpus));
    w.writeEndElement();
    if (!spec.pinnedCpus.isEmpty()) {
        w.writeStartElement(QStringLiteral("cputune"));
        for (int i = 0; i < spec.pinnedCpus.size(); ++i) {
            w.writeEmptyElement(QStringLiteral("vcpupin"));
            w.writeAttribute(QStringLiteral("vcpu"), QString::number(i));
            w.writeAttribute(QStringLiteral("cpuset"), QString::number(spec.pinnedCpus.at(i)));
        }
        w.writeEndElement();
    }
    if (spec.numaCell >= 0) {
        w.writeStartElement(QStringLiteral("numatune"));
        w.writeEmptyElement(QStringLiteral("memory"));
        w.writeAttribute(QStringLiteral("mode"), QStringLiteral("strict"));
        w.writeAttribute(QStringLiteral("nodeset"), QString::number(spec.numaCell));
        w.writeEndElement();
    }

    w.writeStartElement(QStringLiteral("os"));
    w.writeStartElement(QStringLiteral("type"));
    if (!host.arch.isEmpty())
        w.writeAttribute(QStringLiteral("arch"), host.arch);
    w.writeCharacters(QStringLiteral("hvm"));
    w.writeEndElement();
    if (isUnikernel) {
        w.writeTextElement(QStringLiteral("kernel"), workload.image);
        if (!initrd.isEmpty())
            w.writeTextElement(QStringLiteral("initrd"), initrd);
        if (!cmdline.isEmpty())
            w.writeTextElement(QStringLiteral("cmdline"), cmdline);
    } else {
        w.writeEmptyElement(QStringLiteral("boot"));
        w.writeAttribute(QStringLiteral("dev"), QStringLiteral("hd"));
    }
    w.writeEndElement(); // os

    if (isKvm) {
        w.writeEmptyElement(QStringLiteral("cpu"));
        w.writeAttribute(QStringLiteral("mode"), QStringLiteral("host-passthrough"));
    }
    w.writeTextElement(QStringLiteral("on_poweroff"), QStringLiteral("destroy"));
    w.writeTextElement(QStringLiteral("on_reboot"), QStringLiteral("restart"));
    w.writeTextElement(QStringLiteral("on_crash"), QStringLiteral("destroy"));

    w.writeStartElement(QStringLiteral("devices"));
    if (!isUnikernel) {
        const bool qcow2 = workload.image.endsWith(QLatin1String(".qcow2"), Qt::CaseInsensitive);
        w.writeStartElement(QStringLiteral("disk"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("file"));
        w.writeAttribute(QStringLiteral("device"), QStringLiteral("disk"));
        w.writeEmptyElement(QStringLiteral("driver"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("qemu"));
        w.writeAttribute(QStringLiteral("type"), qcow2 ? QStringLiteral("qcow2") : QStringLiteral("raw"));
        if (isKvm)
            w.writeAttribute(QStringLiteral("cache"), QStringLiteral("none"));
        w.writeEmptyElement(QStringLiteral("source"));
        w.writeAttribute(QStringLiteral("file"), workload.image);
        w.writeEmptyElement(QStringLiteral("target"));
        w.writeAttribute(QStringLiteral("dev"), QStringLiteral("vda"));
        w.writeAttribute(QStringLiteral("bus"), QStringLiteral("virtio"));
        w.writeEndElement();
    }
    if (!network.isEmpty()) {
        w.writeStartElement(QStringLiteral("interface"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("network"));
        w.writeEmptyElement(QStringLiteral("source"));
        w.writeAttribute(QStringLiteral("network"), network);
        w.writeEmptyElement(QStringLiteral("model"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("virtio"));
        w.writeEndElement();
    }
    for (const Hostdev &dev : std::as_const(*hostdevs)) {
        w.writeStartElement(QStringLiteral("hostdev"));
        w.writeAttribute(QStringLiteral("mode"), QStringLiteral("subsystem"));
        if (dev.type == Hostdev::Type::Pci) {
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("pci"));
            w.writeAttribute(QStringLiteral("managed"), QStringLiteral("yes"));
            w.writeStartElement(QStringLiteral("source"));
            w.writeEmptyElement(QStringLiteral("address"));
            w.writeAttribute(QStringLiteral("domain"), QLatin1String("0x") + dev.domain);
            w.writeAttribute(QStringLiteral("bus"), QLatin1String("0x") + dev.bus);
            w.writeAttribute(QStringLiteral("slot"), QLatin1String("0x") + dev.slot);
            w.writeAttribute(QStringLiteral("function"), QLatin1String("0x") + dev.function);
            w.writeEndElement();
        } else {
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("mdev"));
            w.writeAttribute(QStringLiteral("model"), QStringLiteral("vfio-pci"));
            w.writeStartElement(QStringLiteral("source"));
            w.writeEmptyElement(QStringLiteral("address"));
            w.writeAttribute(QStringLiteral("uuid"), dev.uuid);
            w.writeEndElement();
        }
        w.writeEndElement(); // hostdev
    }
    w.writeStartElement(QStringLiteral("serial"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("pty"));
    w.writeEmptyElement(QStringLiteral("log"));
    w.writeAttribute(QStringLiteral("file"), spec.consoleLogPath);
    w.writeAttribute(QStringLiteral("append"), QStringLiteral("off"));
    w.writeEmptyElement(QStringLiteral("target"));
    w.writeAttribute(QStringLiteral("port"), QStringLiteral("0"));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("console"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("pty"));
    w.writeEmptyElement(QStringLiteral("target"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("serial"));
    w.writeAttribute(QStringLiteral("port"), QStringLiteral("0"));
    w.writeEndElement();
    w.writeEndElement(); // devices
    w.writeEndElement(); // domain
    spec.xml = xml;
    return spec;
}

} // namespace

QString DomainXmlBuilder::domainName(const QString &deploymentId)
{
    QString name = QStringLiteral("continuo-");
    for (const QChar c : deploymentId) {
        const bool keep = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                          || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                          || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                          || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-');
        name.append(keep ? c : QLatin1Char('-'));
    }
    return name;
}

QString DomainXmlBuilder::domainUuid(const QString &deploymentId)
{
    return QUuid::createUuidV5(kUuidNamespace, deploymentId).toString(QUuid::WithoutBraces);
}

qint64 DomainXmlBuilder::defaultMemoryBytes(WorkloadKind kind)
{
    return kind == WorkloadKind::Unikernel ? 32LL * 1024 * 1024 : 512LL * 1024 * 1024;
}

QString DomainXmlBuilder::metadataElement(const QString &deploymentId, const QString &workloadId)
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.writeStartElement(QStringLiteral("deployment"));
    w.writeAttribute(QStringLiteral("id"), deploymentId);
    w.writeAttribute(QStringLiteral("workload"), workloadId);
    w.writeEndElement();
    return xml;
}

Result<DomainSpec> DomainXmlBuilder::build(const Deployment &deployment, const Workload &workload,
                                           const HostFacts &host, const QString &logDirectory)
{
    if (deployment.id.isEmpty())
        return makeError(QStringLiteral("deployment has no id"));
    if (deployment.id.size() > 200)
        return makeError(QStringLiteral("deployment id is longer than 200 characters"));
    BuildInput input;
    input.name = domainName(deployment.id);
    input.uuid = domainUuid(deployment.id);
    input.deploymentId = deployment.id;
    input.workloadId = deployment.workloadId.isEmpty() ? workload.id : deployment.workloadId;
    // checkName() limits names to 64 characters; long ids keep a readable prefix + their hash.
    if (input.name.size() > 64)
        input.name = input.name.left(55) + QLatin1Char('-') + input.uuid.left(8);
    if (auto ok = checkText(QStringLiteral("deployment id"), deployment.id); !ok)
        return makeError(ok.error());
    return buildDomain(input, workload, host, logDirectory);
}

Result<DomainSpec> DomainXmlBuilder::buildPoolShell(const QString &shellName, const Workload &shape,
                                                    const HostFacts &host, const QString &logDirectory)
{
    BuildInput input;
    input.name = shellName;
    input.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    input.poolShell = true;
    return buildDomain(input, shape, host, logDirectory);
}

DomainDescription DomainXmlBuilder::describe(const QString &domainXml)
{
    DomainDescription d;
    QXmlStreamReader r(domainXml);
    QStringList path;
    QString pendingInterface;
    QString pendingDisk;
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = r.name().toString();
            const auto attrs = r.attributes();
            const QString parent = path.isEmpty() ? QString() : path.last();
            path.append(name);
            const int depth = int(path.size());
            if (depth == 1 && name == QLatin1String("domain")) {
                d.type = attrs.value(QLatin1String("type")).toString();
            } else if (depth == 2 && name == QLatin1String("name")) {
                d.name = r.readElementText();
                path.removeLast();
            } else if (depth == 2 && name == QLatin1String("uuid")) {
                d.uuid = r.readElementText();
                path.removeLast();
            } else if (depth == 2 && name == QLatin1String("vcpu")) {
                d.vcpus = r.readElementText().trimmed().toInt();
                path.removeLast();
            } else if (depth == 2 && name == QLatin1String("memory")) {
                const QString unit = attrs.value(QLatin1String("unit")).toString();
                const qint64 value = r.readElementText().trimmed().toLongLong();
                qint64 factor = 1024;
                if (unit == QLatin1String("b") || unit == QLatin1String("bytes"))
                    factor = 1;
                else if (unit == QLatin1String("MiB") || unit == QLatin1String("M"))
                    factor = 1024 * 1024;
                else if (unit == QLatin1String("GiB") || unit == QLatin1String("G"))
                    factor = 1024LL * 1024 * 1024;
                d.memoryBytes = value * factor;
                path.removeLast();
            } else if (depth == 3 && parent == QLatin1String("metadata")
                       && r.namespaceUri() == QLatin1String(MetadataNamespace)
                       && name == QLatin1String("deployment")) {
                d.metadata.deploymentId = attrs.value(QLatin1String("id")).toString();
                d.metadata.workloadId = attrs.value(QLatin1String("workload")).toString();
                d.metadata.isPoolShell = attrs.value(QLatin1String("pool")) == QLatin1String("1");
            } else if (depth == 3 && name == QLatin1String("disk")) {
                pendingDisk.clear();
            } else if (depth == 4 && parent == QLatin1String("disk")) {
                if (name == QLatin1String("source")) {
                    for (const char *key : {"file", "dev", "name", "volume"}) {
                        const auto value = attrs.value(QLatin1String(key));
                        if (!value.isEmpty()) {
                            pendingDisk = value.toString();
                            break;
                        }
                    }
                } else if (name == QLatin1String("target") && pendingDisk.isEmpty()) {
                    pendingDisk = attrs.value(QLatin1String("dev")).toString();
                }
            } else if (depth == 3 && name == QLatin1String("interface")) {
                pendingInterface = attrs.value(QLatin1String("type")).toString() + QLatin1Char(':');
            } else if (depth == 4 && parent == QLatin1String("interface")) {
                if (name == QLatin1String("source")) {
                    for (const char *key : {"network", "bridge", "dev"}) {
                        const auto value = attrs.value(QLatin1String(key));
                        if (!value.isEmpty()) {
                            pendingInterface += value.toString();
                            break;
                        }
                    }
                } else if (name == QLatin1String("mac")) {
                    pendingInterface += QLatin1Char(' ') + attrs.value(QLatin1String("address")).toString();
                }
            } else if (depth == 4 && name == QLatin1String("log")
                       && parent == QLatin1String("serial") && d.consoleLogPath.isEmpty()) {
                d.consoleLogPath = attrs.value(QLatin1String("file")).toString();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const QString name = path.isEmpty() ? QString() : path.takeLast();
            if (path.size() == 2 && name == QLatin1String("disk") && !pendingDisk.isEmpty())
                d.disks.append(pendingDisk);
            else if (path.size() == 2 && name == QLatin1String("interface"))
                d.interfaces.append(pendingInterface);
        }
    }
    return d;
}

} // namespace Continuo::Libvirt
