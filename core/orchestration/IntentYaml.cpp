#include "orchestration/IntentYaml.h"

#include "orchestration/ResourceQuery.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>
#include <optional>

namespace Continuo {

namespace {

/// Thrown inside the parser only; turned into a Result error at the boundary.
struct IntentError
{
    QString message;
};

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexed(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString shortest(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// Normalise enum spellings: "Best_Fit_Security" -> "best-fit-security".
QString normalised(const QString &text)
{
    QString result = text.trimmed().toLower();
    result.replace(QLatin1Char('_'), QLatin1Char('-'));
    result.replace(QLatin1Char(' '), QLatin1Char('-'));
    return result;
}

/// Reads one YAML document; every error names the document and the field.
class DocumentReader
{
public:
    explicit DocumentReader(int document) : m_document(document) {}

    [[noreturn]] void fail(const QString &path, const QString &message) const
    {
        if (path.isEmpty())
            throw IntentError{QStringLiteral("document %1: %2").arg(m_document).arg(message)};
        throw IntentError{
            QStringLiteral("document %1: %2: %3").arg(m_document).arg(path, message)};
    }

    // --- Scalars ------------------------------------------------------------------------

    QString scalar(const YAML::Node &node, const QString &path) const
    {
        if (!node.IsScalar())
            fail(path, QStringLiteral("expected a single value"));
        return QString::fromStdString(node.Scalar());
    }

    bool boolean(const YAML::Node &node, const QString &path) const
    {
        const QString text = scalar(node, path).trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("yes") ||
            text == QLatin1String("on") || text == QLatin1String("1"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("no") ||
            text == QLatin1String("off") || text == QLatin1String("0"))
            return false;
        fail(path, QStringLiteral("'%1' is not true or false").arg(text));
    }

    double number(const YAML::Node &node, const QString &path, double min = 0.0) const
    {
        const QString text = scalar(node, path).trimmed();
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || !std::isfinite(value))
            fail(path, QStringLiteral("'%1' is not a number").arg(text));
        if (value < min)
            fail(path, QStringLiteral("%1 is below the minimum %2").arg(text, shortest(min)));
        return value;
    }

    int integer(const YAML::Node &node, const QString &path, int min) const
    {
        const QString text = scalar(node, path).trimmed();
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok)
            fail(path, QStringLiteral("'%1' is not a whole number").arg(text));
        if (value < min)
            fail(path, QStringLiteral("%1 is below the minimum %2").arg(value).arg(min));
        return value;
    }

    qint64 bytes(const YAML::Node &node, const QString &path) const
    {
        const QString text = scalar(node, path);
        auto value = parseByteQuantity(text);
        if (!value)
            fail(path, value.error());
        return *value;
    }

    double cpu(const YAML::Node &node, const QString &path) const
    {
        const QString text = scalar(node, path);
        auto value = parseCpuQuantity(text);
        if (!value)
            fail(path, value.error());
        return *value;
    }

    Labels stringMap(const YAML::Node &node, const QString &path) const
    {
        if (node.IsNull())
            return {};
        if (!node.IsMap())
            fail(path, QStringLiteral("expected a mapping of names to values"));
        Labels labels;
        for (const auto &entry : node) {
            const QString key = QString::fromStdString(entry.first.as<std::string>());
            labels.insert(key, scalar(entry.second, join(path, key)));
        }
        return labels;
    }

    /// Fail on keys outside `allowed`, so a typo ("replics") is not silently ignored.
    void checkKeys(const YAML::Node &map, const QString &path, const QStringList &allowed) const
    {
        if (!map.IsMap())
            fail(path, QStringLiteral("expected a mapping"));
        for (const auto &entry : map) {
            const QString key = QString::fromStdString(entry.first.as<std::string>());
            if (!allowed.contains(key))
                fail(join(path, key), QStringLiteral("unknown field; known: %1")
                                          .arg(allowed.join(QStringLiteral(", "))));
        }
    }

    template<typename Enum>
    Enum enumValue(const YAML::Node &node, const QString &path, const QStringList &names,
                   const QHash<QString, Enum> &aliases = {}) const
    {
        const QString text = normalised(scalar(node, path));
        if (aliases.contains(text))
            return aliases.value(text);
        for (const QString &name : names) {
            if (normalised(name) == text)
                return enumFromString<Enum>(name);
        }
        fail(path, QStringLiteral("'%1' is not one of %2")
                       .arg(scalar(node, path), names.join(QStringLiteral(", "))));
    }

    // --- Continuo intents ---------------------------------------------------------------

    Workload intent(const YAML::Node &map, const QString &path) const
    {
        static const QStringList fields = {
            QStringLiteral("id"),          QStringLiteral("name"),
            QStringLiteral("kind"),        QStringLiteral("group"),
            QStringLiteral("groupId"),     QStringLiteral("image"),
            QStringLiteral("replicas"),    QStringLiteral("spread"),
            QStringLiteral("labels"),      QStringLiteral("resources"),
            QStringLiteral("requirements"), QStringLiteral("objectives"),
            QStringLiteral("strategy"),    QStringLiteral("submittedBy"),
            QStringLiteral("submittedMs"),
        };
        checkKeys(map, path, fields);
        Workload w;
        w.kind = WorkloadKind::Container;
        for (const auto &entry : map) {
            const QString key = QString::fromStdString(entry.first.as<std::string>());
            const YAML::Node &value = entry.second;
            const QString at = join(path, key);
            if (key == QLatin1String("id")) {
                w.id = scalar(value, at);
            } else if (key == QLatin1String("name")) {
                w.name = scalar(value, at).trimmed();
            } else if (key == QLatin1String("kind")) {
                w.kind = workloadKind(value, at);
            } else if (key == QLatin1String("group") || key == QLatin1String("groupId")) {
                w.groupId = scalar(value, at);
            } else if (key == QLatin1String("image")) {
                w.image = scalar(value, at);
            } else if (key == QLatin1String("replicas")) {
                w.requirements.replicas = integer(value, at, 1);
            } else if (key == QLatin1String("spread")) {
                w.requirements.spread = spread(value, at);
            } else if (key == QLatin1String("labels")) {
                w.labels = stringMap(value, at);
            } else if (key == QLatin1String("resources")) {
                resources(value, at, w.request);
            } else if (key == QLatin1String("requirements")) {
                requirements(value, at, w.requirements);
            } else if (key == QLatin1String("objectives")) {
                objectives(value, at, w.objectives);
            } else if (key == QLatin1String("strategy")) {
                w.strategy = strategy(value, at);
            } else if (key == QLatin1String("submittedBy")) {
                w.submittedBy = scalar(value, at);
            } else if (key == QLatin1String("submittedMs")) {
                bool ok = false;
                w.submittedMs = scalar(value, at).toLongLong(&ok);
                if (!ok)
                    fail(at, QStringLiteral("'%1' is not a timestamp in ms").arg(scalar(value, at)));
            }
        }
        if (w.name.isEmpty())
            fail(join(path, QStringLiteral("name")), QStringLiteral("missing (every intent needs a name)"));
        return w;
    }

    WorkloadKind workloadKind(const YAML::Node &node, const QString &path) const
    {
        static const QHash<QString, WorkloadKind> aliases = {
            {QStringLiteral("virtual-machine"), WorkloadKind::VirtualMachine},
            {QStringLiteral("virtualmachine"), WorkloadKind::VirtualMachine},
            {QStringLiteral("job"), WorkloadKind::HpcJob},
            {QStringLiteral("hpc"), WorkloadKind::HpcJob},
            {QStringLiteral("kernel"), WorkloadKind::AcceleratedKernel},
        };
        return enumValue<WorkloadKind>(
            node, path,
            {QStringLiteral("container"), QStringLiteral("vm"), QStringLiteral("unikernel"),
             QStringLiteral("hpc_job"), QStringLiteral("accelerated_kernel")},
            aliases);
    }

    SpreadScope spread(const YAML::Node &node, const QString &path) const
    {
        return enumValue<SpreadScope>(node, path,
                                      {QStringLiteral("none"), QStringLiteral("node"),
                                       QStringLiteral("site"), QStringLiteral("zone")});
    }

    PlacementStrategy strategy(const YAML::Node &node, const QString &path) const
    {
        static const QHash<QString, PlacementStrategy> aliases = {
            {QStringLiteral("multiobjective"), PlacementStrategy::MultiObjective},
            {QStringLiteral("greedy-resource"), PlacementStrategy::GreedyResource},
            {QStringLiteral("best-fit"), PlacementStrategy::BestFitSecurity},
        };
        return enumValue<PlacementStrategy>(
            node, path,
            {QStringLiteral("default"), QStringLiteral("multi-objective"),
             QStringLiteral("first-fit"), QStringLiteral("best-fit-security"),
             QStringLiteral("greedy")},
            aliases);
    }

    void resources(const YAML::Node &map, const QString &path, ResourceRequest &request) const
    {
        checkKeys(map, path,
                  {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("disk"),
                   QStringLiteral("gpu"), QStringLiteral("fpga")});
        if (const YAML::Node v = map["cpu"])
            request.cpuCores = cpu(v, join(path, QStringLiteral("cpu")));
        if (const YAML::Node v = map["memory"])
            request.memoryBytes = bytes(v, join(path, QStringLiteral("memory")));
        if (const YAML::Node v = map["disk"])
            request.diskBytes = bytes(v, join(path, QStringLiteral("disk")));
        if (const YAML::Node v = map["gpu"])
            request.gpuCount = integer(v, join(path, QStringLiteral("gpu")), 0);
        if (const YAML::Node v = map["fpga"])
            request.fpgaCount = integer(v, join(path, QStringLiteral("fpga")), 0);
    }

    void objectives(const YAML::Node &map, const QString &path, ObjectiveWeights &weights) const
    {
        checkKeys(map, path,
                  {QStringLiteral("latency"), QStringLiteral("executionTime"),
                   QStringLiteral("energy"), QStringLiteral("cost"), QStringLiteral("balance")});
        if (const YAML::Node v = map["latency"])
            weights.latency = number(v, join(path, QStringLiteral("latency")));
        if (const YAML::Node v = map["executionTime"])
            weights.executionTime = number(v, join(path, QStringLiteral("executionTime")));
        if (const YAML::Node v = map["energy"])
            weights.energy = number(v, join(path, QStringLiteral("energy")));
        if (const YAML::Node v = map["cost"])
            weights.cost = number(v, join(path, QStringLiteral("cost")));
        if (const YAML::Node v = map["balance"])
            weights.balance = number(v, join(path, QStringLiteral("balance")));
    }

    void requirements(const YAML::Node &map, const QString &path,
                      PlacementRequirements &r) const
    {
        static const QStringList fields = {
            QStringLiteral("gpuModel"),     QStringLiteral("fpgaModel"),
            QStringLiteral("vaccel"),       QStringLiteral("arch"),
            QStringLiteral("securityTier"), QStringLiteral("isolation"),
            QStringLiteral("nodeSelector"), QStringLiteral("where"),
            QStringLiteral("maxLatency"),   QStringLiteral("dataLocation"),
            QStringLiteral("dataMaxLatencyMs"), QStringLiteral("walltime"),
            QStringLiteral("partition"),    QStringLiteral("replicas"),
            QStringLiteral("spread"),       QStringLiteral("pinnedNode"),
            QStringLiteral("pinnedCluster"),
        };
        checkKeys(map, path, fields);
        for (const auto &entry : map) {
            const QString key = QString::fromStdString(entry.first.as<std::string>());
            const YAML::Node &value = entry.second;
            const QString at = join(path, key);
            if (key == QLatin1String("gpuModel")) {
                r.gpuModel = scalar(value, at);
            } else if (key == QLatin1String("fpgaModel")) {
                r.fpgaModel = scalar(value, at);
            } else if (key == QLatin1String("vaccel")) {
                r.vaccel = boolean(value, at);
            } else if (key == QLatin1String("arch")) {
                r.arch = scalar(value, at);
            } else if (key == QLatin1String("securityTier")) {
                r.minSecurityTier = enumValue<SecurityTier>(
                    value, at,
                    {QStringLiteral("standard"), QStringLiteral("hardened"),
                     QStringLiteral("confidential")});
            } else if (key == QLatin1String("isolation")) {
                r.isolation = enumValue<IsolationKind>(
                    value, at,
                    {QStringLiteral("any"), QStringLiteral("runc"), QStringLiteral("kata"),
                     QStringLiteral("kata-vaccel"), QStringLiteral("unikernel")});
            } else if (key == QLatin1String("nodeSelector")) {
                r.nodeSelector = stringMap(value, at);
            } else if (key == QLatin1String("where")) {
                r.where = scalar(value, at).trimmed();
                auto query = ResourceQuery::parse(r.where);
                if (!query)
                    fail(at, query.error());
            } else if (key == QLatin1String("maxLatency")) {
                r.maxLatency = latencyBounds(value, at);
            } else if (key == QLatin1String("dataLocation")) {
                r.dataLocation = scalar(value, at);
            } else if (key == QLatin1String("dataMaxLatencyMs")) {
                r.dataMaxLatencyMs = number(value, at);
            } else if (key == QLatin1String("walltime")) {
                auto seconds = parseDurationSeconds(scalar(value, at));
                if (!seconds)
                    fail(at, seconds.error());
                r.walltimeSeconds = *seconds;
            } else if (key == QLatin1String("partition")) {
                r.partition = scalar(value, at);
            } else if (key == QLatin1String("replicas")) {
                r.replicas = integer(value, at, 1);
            } else if (key == QLatin1String("spread")) {
                r.spread = spread(value, at);
            } else if (key == QLatin1String("pinnedNode")) {
                r.pinnedNodeId = scalar(value, at);
            } else if (key == QLatin1String("pinnedCluster")) {
                r.pinnedClusterId = scalar(value, at);
            }
        }
    }

    QList<LatencyBound> latencyBounds(const YAML::Node &node, const QString &path) const
    {
        if (!node.IsSequence())
            fail(path, QStringLiteral("expected a list of {site, ms} or {location, ms}"));
        QList<LatencyBound> bounds;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const QString at = indexed(path, qsizetype(i));
            checkKeys(item, at,
                      {QStringLiteral("site"), QStringLiteral("location"), QStringLiteral("ms")});
            LatencyBound bound;
            if (const YAML::Node site = item["site"])
                bound.siteId = scalar(site, join(at, QStringLiteral("site")));
            if (const YAML::Node location = item["location"]) {
                const QString locationPath = join(at, QStringLiteral("location"));
                checkKeys(location, locationPath,
                          {QStringLiteral("name"), QStringLiteral("latitude"),
                           QStringLiteral("longitude")});
                if (const YAML::Node name = location["name"])
                    bound.location.name = scalar(name, join(locationPath, QStringLiteral("name")));
                const YAML::Node latitude = location["latitude"];
                const YAML::Node longitude = location["longitude"];
                if (!latitude || !longitude)
                    fail(locationPath, QStringLiteral("needs latitude and longitude"));
                bound.location.latitude =
                    number(latitude, join(locationPath, QStringLiteral("latitude")), -90.0);
                bound.location.longitude =
                    number(longitude, join(locationPath, QStringLiteral("longitude")), -180.0);
                if (bound.location.latitude > 90.0 || bound.location.longitude > 180.0)
                    fail(locationPath, QStringLiteral("latitude/longitude out of range"));
            }
            if (bound.siteId.isEmpty() == !item["location"])
                fail(at, QStringLiteral("give either a site or a location"));
            const YAML::Node ms = item["ms"];
            if (!ms)
                fail(at, QStringLiteral("missing ms (the latency bound)"));
            bound.maxMs = number(ms, join(at, QStringLiteral("ms")));
            bounds.append(bound);
        }
        return bounds;
    }

    // --- Kubernetes manifests -----------------------------------------------------------

    /// One intent from a workload manifest; nullopt for kinds that run nothing (Service...).
    std::optional<Workload> manifest(const YAML::Node &map, const QString &path) const
    {
        const QString kind = scalar(map["kind"], join(path, QStringLiteral("kind")));
        const QString specPath = join(path, QStringLiteral("spec"));
        const auto child = [&](const YAML::Node &parent, const char *key,
                               const QString &at) -> YAML::Node {
            const YAML::Node node = parent[key];
            if (!node || !node.IsMap())
                fail(at, QStringLiteral("missing"));
            return node;
        };
        const bool controller = kind == QLatin1String("Deployment") ||
                                kind == QLatin1String("StatefulSet") ||
                                kind == QLatin1String("ReplicaSet") ||
                                kind == QLatin1String("DaemonSet") || kind == QLatin1String("Job");
        if (!controller && kind != QLatin1String("CronJob") && kind != QLatin1String("Pod"))
            return std::nullopt;
        const YAML::Node spec = child(map, "spec", specPath);
        int replicas = 1;
        QString templatePath = path;
        QString deadlinePath;
        YAML::Node deadline;
        YAML::Node workloadSpec = spec; // the spec holding template/parallelism (Job's for CronJob)
        QString workloadSpecPath = specPath;
        if (kind == QLatin1String("CronJob")) {
            const QString jobTemplatePath = join(specPath, QStringLiteral("jobTemplate"));
            const YAML::Node jobTemplate = child(spec, "jobTemplate", jobTemplatePath);
            workloadSpecPath = join(jobTemplatePath, QStringLiteral("spec"));
            workloadSpec.reset(child(jobTemplate, "spec", workloadSpecPath));
        }
        if (kind != QLatin1String("Pod")) {
            const bool job = kind == QLatin1String("Job") || kind == QLatin1String("CronJob");
            const char *replicaKey = job ? "parallelism" : "replicas";
            if (const YAML::Node r = workloadSpec[replicaKey])
                replicas = integer(r, join(workloadSpecPath, QLatin1String(replicaKey)), 1);
            if (job && workloadSpec["activeDeadlineSeconds"]) {
                deadline.reset(workloadSpec["activeDeadlineSeconds"]);
                deadlinePath = join(workloadSpecPath, QStringLiteral("activeDeadlineSeconds"));
            }
            templatePath = join(workloadSpecPath, QStringLiteral("template"));
        }
        const YAML::Node template_ = kind == QLatin1String("Pod")
                                         ? map
                                         : child(workloadSpec, "template", templatePath);
        const QString podPath = join(templatePath, QStringLiteral("spec"));
        const YAML::Node podSpec = kind == QLatin1String("Pod") ? spec
                                                               : child(template_, "spec", podPath);
        if (podSpec["activeDeadlineSeconds"]) {
            deadline.reset(podSpec["activeDeadlineSeconds"]);
            deadlinePath = join(podPath, QStringLiteral("activeDeadlineSeconds"));
        }

        Workload w;
        w.kind = WorkloadKind::Container;
        const QString metadataPath = join(path, QStringLiteral("metadata"));
        const YAML::Node metadata = map["metadata"];
        if (!metadata || !metadata["name"])
            fail(join(metadataPath, QStringLiteral("name")), QStringLiteral("missing"));
        w.name = scalar(metadata["name"], join(metadataPath, QStringLiteral("name")));
        w.requirements.replicas = replicas;
        if (const YAML::Node labels = metadata["labels"])
            w.labels = stringMap(labels, join(metadataPath, QStringLiteral("labels")));
        if (kind != QLatin1String("Pod")) {
            const YAML::Node podMetadata = template_["metadata"];
            if (const YAML::Node labels = podMetadata ? podMetadata["labels"] : YAML::Node()) {
                const Labels podLabels =
                    stringMap(labels, join(templatePath, QStringLiteral("metadata.labels")));
                for (auto it = podLabels.cbegin(); it != podLabels.cend(); ++it)
                    w.labels.insert(it.key(), it.value());
            }
        }
        w.groupId = w.labels.value(QStringLiteral("continuo.io/group"),
                                   w.labels.value(QStringLiteral("serrano.eu/group")));

        const YAML::Node containers = podSpec["containers"];
        const QString containersPath = join(podPath, QStringLiteral("containers"));
        if (!containers || !containers.IsSequence() || containers.size() == 0)
            fail(containersPath, QStringLiteral("missing (a pod needs at least one container)"));
        for (std::size_t i = 0; i < containers.size(); ++i) {
            const YAML::Node container = containers[i];
            const QString at = indexed(containersPath, qsizetype(i));
            if (!container.IsMap())
                fail(at, QStringLiteral("expected a mapping"));
            if (i == 0 && container["image"])
                w.image = scalar(container["image"], join(at, QStringLiteral("image")));
            containerResources(container["resources"], join(at, QStringLiteral("resources")),
                               w.request);
        }
        if (const YAML::Node selector = podSpec["nodeSelector"])
            w.requirements.nodeSelector =
                stringMap(selector, join(podPath, QStringLiteral("nodeSelector")));
        if (const YAML::Node runtime = podSpec["runtimeClassName"]) {
            const QString name =
                scalar(runtime, join(podPath, QStringLiteral("runtimeClassName"))).toLower();
            if (name.contains(QLatin1String("vaccel")))
                w.requirements.isolation = IsolationKind::KataVaccel;
            else if (name.startsWith(QLatin1String("kata")))
                w.requirements.isolation = IsolationKind::Kata;
            else if (name == QLatin1String("runc"))
                w.requirements.isolation = IsolationKind::Runc;
            else if (name.contains(QLatin1String("unikernel")) || name == QLatin1String("urunc"))
                w.requirements.isolation = IsolationKind::Unikernel;
        }
        if (!deadlinePath.isEmpty())
            w.requirements.walltimeSeconds = integer(deadline, deadlinePath, 1);
        return w;
    }

    void containerResources(const YAML::Node &resources, const QString &path,
                            ResourceRequest &request) const
    {
        if (!resources)
            return;
        if (!resources.IsMap())
            fail(path, QStringLiteral("expected a mapping"));
        const YAML::Node requests = resources["requests"];
        const YAML::Node limits = resources["limits"];
        // A request wins; a limit alone stands in for the request (what Kubernetes does).
        QStringList keys;
        for (const YAML::Node &section : {requests, limits}) {
            if (!section)
                continue;
            if (!section.IsMap())
                fail(path, QStringLiteral("requests and limits must be mappings"));
            for (const auto &entry : section) {
                const QString key = QString::fromStdString(entry.first.as<std::string>());
                if (!keys.contains(key))
                    keys.append(key);
            }
        }
        for (const QString &key : keys) {
            const std::string stdKey = key.toStdString();
            const bool fromRequests = requests && requests[stdKey];
            const YAML::Node value = fromRequests ? requests[stdKey] : limits[stdKey];
            const QString at = join(path, (fromRequests ? QStringLiteral("requests.")
                                                        : QStringLiteral("limits.")) + key);
            if (key == QLatin1String("cpu")) {
                request.cpuCores += cpu(value, at);
            } else if (key == QLatin1String("memory")) {
                request.memoryBytes += bytes(value, at);
            } else if (key == QLatin1String("ephemeral-storage")) {
                request.diskBytes += bytes(value, at);
            } else if (key.endsWith(QLatin1String("/gpu")) ||
                       key.startsWith(QLatin1String("gpu.intel.com/"))) {
                request.gpuCount += integer(value, at, 0);
            } else if (key.contains(QLatin1String("fpga"), Qt::CaseInsensitive)) {
                request.fpgaCount += integer(value, at, 0);
            }
        }
    }

    // --- Documents ------------------------------------------------------------------------

    void document(const YAML::Node &root, QList<Workload> &out) const
    {
        if (!root || root.IsNull())
            return;
        if (root.IsSequence()) {
            for (std::size_t i = 0; i < root.size(); ++i)
                out.append(intent(root[i], indexed(QString(), qsizetype(i))));
            return;
        }
        if (!root.IsMap())
            fail(QString(), QStringLiteral("expected an intent, a list of intents or a "
                                           "Kubernetes manifest"));
        if (root["apiVersion"] && root["kind"]) {
            if (scalar(root["kind"], QStringLiteral("kind")) == QLatin1String("List")) {
                const YAML::Node items = root["items"];
                if (!items || !items.IsSequence())
                    fail(QStringLiteral("items"), QStringLiteral("expected a list of manifests"));
                for (std::size_t i = 0; i < items.size(); ++i) {
                    if (auto w = manifest(items[i], indexed(QStringLiteral("items"), qsizetype(i))))
                        out.append(*w);
                }
                return;
            }
            if (auto w = manifest(root, QString()))
                out.append(*w);
            return;
        }
        if (const YAML::Node intents = root["intents"]) {
            if (root.size() != 1)
                checkKeys(root, QString(), {QStringLiteral("intents")});
            if (!intents.IsSequence())
                fail(QStringLiteral("intents"), QStringLiteral("expected a list of intents"));
            for (std::size_t i = 0; i < intents.size(); ++i)
                out.append(intent(intents[i], indexed(QStringLiteral("intents"), qsizetype(i))));
            return;
        }
        out.append(intent(root, QString()));
    }

private:
    int m_document = 1;
};

// --- Emitting ------------------------------------------------------------------------------

std::string s(const QString &text)
{
    return text.toStdString();
}

void emitMap(YAML::Emitter &out, const char *key, const Labels &labels)
{
    if (labels.isEmpty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::BeginMap;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        out << YAML::Key << s(it.key()) << YAML::Value << s(it.value());
    out << YAML::EndMap;
}

void emitWorkload(YAML::Emitter &out, const Workload &w)
{
    out << YAML::BeginMap;
    if (!w.id.isEmpty())
        out << YAML::Key << "id" << YAML::Value << s(w.id);
    out << YAML::Key << "name" << YAML::Value << s(w.name);
    out << YAML::Key << "kind" << YAML::Value
        << s(toString(w.kind == WorkloadKind::Unknown ? WorkloadKind::Container : w.kind));
    if (!w.groupId.isEmpty())
        out << YAML::Key << "group" << YAML::Value << s(w.groupId);
    if (!w.image.isEmpty())
        out << YAML::Key << "image" << YAML::Value << s(w.image);
    const PlacementRequirements &r = w.requirements;
    if (r.replicas != 1)
        out << YAML::Key << "replicas" << YAML::Value << r.replicas;
    if (r.spread != SpreadScope::Unknown)
        out << YAML::Key << "spread" << YAML::Value << s(toString(r.spread));
    emitMap(out, "labels", w.labels);

    const ResourceRequest &q = w.request;
    if (!(q == ResourceRequest())) {
        out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
        if (q.cpuCores != 0.0)
            out << YAML::Key << "cpu" << YAML::Value << s(shortest(q.cpuCores));
        if (q.memoryBytes != 0)
            out << YAML::Key << "memory" << YAML::Value << s(formatByteQuantity(q.memoryBytes));
        if (q.diskBytes != 0)
            out << YAML::Key << "disk" << YAML::Value << s(formatByteQuantity(q.diskBytes));
        if (q.gpuCount != 0)
            out << YAML::Key << "gpu" << YAML::Value << q.gpuCount;
        if (q.fpgaCount != 0)
            out << YAML::Key << "fpga" << YAML::Value << q.fpgaCount;
        out << YAML::EndMap;
    }

    PlacementRequirements rest = r;
    rest.replicas = 1;
    rest.spread = SpreadScope::Unknown;
    if (!(rest == PlacementRequirements())) {
        out << YAML::Key << "requirements" << YAML::Value << YAML::BeginMap;
        if (!r.gpuModel.isEmpty())
            out << YAML::Key << "gpuModel" << YAML::Value << s(r.gpuModel);
        if (!r.fpgaModel.isEmpty())
            out << YAML::Key << "fpgaModel" << YAML::Value << s(r.fpgaModel);
        if (r.vaccel)
            out << YAML::Key << "vaccel" << YAML::Value << true;
        if (!r.arch.isEmpty())
            out << YAML::Key << "arch" << YAML::Value << s(r.arch);
        if (r.minSecurityTier != SecurityTier::Unknown)
            out << YAML::Key << "securityTier" << YAML::Value << s(toString(r.minSecurityTier));
        if (r.isolation != IsolationKind::Unknown)
            out << YAML::Key << "isolation" << YAML::Value << s(toString(r.isolation));
        emitMap(out, "nodeSelector", r.nodeSelector);
        if (!r.where.isEmpty())
            out << YAML::Key << "where" << YAML::Value << YAML::DoubleQuoted << s(r.where);
        if (!r.maxLatency.isEmpty()) {
            out << YAML::Key << "maxLatency" << YAML::Value << YAML::BeginSeq;
            for (const LatencyBound &bound : r.maxLatency) {
                out << YAML::Flow << YAML::BeginMap;
                if (!bound.siteId.isEmpty()) {
                    out << YAML::Key << "site" << YAML::Value << s(bound.siteId);
                } else {
                    out << YAML::Key << "location" << YAML::Value << YAML::BeginMap;
                    if (!bound.location.name.isEmpty())
                        out << YAML::Key << "name" << YAML::Value << s(bound.location.name);
                    out << YAML::Key << "latitude" << YAML::Value
                        << s(shortest(bound.location.latitude));
                    out << YAML::Key << "longitude" << YAML::Value
                        << s(shortest(bound.location.longitude));
                    out << YAML::EndMap;
                }
                out << YAML::Key << "ms" << YAML::Value << s(shortest(bound.maxMs));
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
        if (!r.dataLocation.isEmpty())
            out << YAML::Key << "dataLocation" << YAML::Value << s(r.dataLocation);
        if (r.dataMaxLatencyMs != 0.0)
            out << YAML::Key << "dataMaxLatencyMs" << YAML::Value << s(shortest(r.dataMaxLatencyMs));
        if (r.walltimeSeconds != 0)
            out << YAML::Key << "walltime" << YAML::Value << s(formatDuration(r.walltimeSeconds));
        if (!r.partition.isEmpty())
            out << YAML::Key << "partition" << YAML::Value << s(r.partition);
        if (!r.pinnedNodeId.isEmpty())
            out << YAML::Key << "pinnedNode" << YAML::Value << s(r.pinnedNodeId);
        if (!r.pinnedClusterId.isEmpty())
            out << YAML::Key << "pinnedCluster" << YAML::Value << s(r.pinnedClusterId);
        out << YAML::EndMap;
    }

    const ObjectiveWeights &o = w.objectives;
    if (!o.isZero()) {
        out << YAML::Key << "objectives" << YAML::Value << YAML::Flow << YAML::BeginMap;
        const std::pair<const char *, double> weights[] = {
            {"latency", o.latency}, {"executionTime", o.executionTime}, {"energy", o.energy},
            {"cost", o.cost}, {"balance", o.balance}};
        for (const auto &[name, weight] : weights) {
            if (weight != 0.0)
                out << YAML::Key << name << YAML::Value << s(shortest(weight));
        }
        out << YAML::EndMap;
    }
    if (w.strategy != PlacementStrategy::Unknown)
        out << YAML::Key << "strategy" << YAML::Value << s(toString(w.strategy));
    if (!w.submittedBy.isEmpty())
        out << YAML::Key << "submittedBy" << YAML::Value << s(w.submittedBy);
    if (w.submittedMs != 0)
        out << YAML::Key << "submittedMs" << YAML::Value << w.submittedMs;
    out << YAML::EndMap;
}

} // namespace

Result<QList<Workload>> parseIntents(const QByteArray &yamlText)
{
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(yamlText.toStdString());
    } catch (const YAML::Exception &e) {
        return makeError(QStringLiteral("invalid YAML at line %1, column %2: %3")
                             .arg(e.mark.line + 1)
                             .arg(e.mark.column + 1)
                             .arg(QString::fromStdString(e.msg)));
    }
    QList<Workload> workloads;
    try {
        for (std::size_t i = 0; i < documents.size(); ++i)
            DocumentReader(int(i) + 1).document(documents[i], workloads);
    } catch (const IntentError &error) {
        return makeError(error.message);
    } catch (const YAML::Exception &e) {
        return makeError(QString::fromStdString(e.what()));
    }
    if (workloads.isEmpty())
        return makeError(QStringLiteral("no intents found (expected 'intents:', an intent with "
                                        "a name, or a Kubernetes Deployment/Job/StatefulSet/Pod)"));
    return workloads;
}

QByteArray intentsToYaml(const QList<Workload> &workloads)
{
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "intents" << YAML::Value << YAML::BeginSeq;
    for (const Workload &w : workloads)
        emitWorkload(out, w);
    out << YAML::EndSeq << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

Result<qint64> parseByteQuantity(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)((?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z]*)\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    const auto invalid = [&] {
        return makeError(QStringLiteral("'%1' is not a quantity (use bytes or 512Mi, 4Gi, 4GiB, "
                                        "1G, 2TB)")
                             .arg(text));
    };
    if (!m.hasMatch())
        return invalid();
    bool ok = false;
    const double number = QString(m.captured(1) + m.captured(2)).toDouble(&ok);
    if (!ok)
        return invalid();
    QString unit = m.captured(3);
    if (unit == QLatin1String("m")) // Kubernetes milli-bytes: never what a person means.
        return invalid();
    unit = unit.toLower();
    if (unit.endsWith(QLatin1Char('b')))
        unit.chop(1);
    bool binary = false;
    if (unit.endsWith(QLatin1Char('i'))) {
        binary = true;
        unit.chop(1);
    }
    int power = 0;
    if (!unit.isEmpty()) {
        if (unit.size() != 1)
            return invalid();
        power = int(QStringLiteral("kmgtpe").indexOf(unit.at(0))) + 1;
        if (power == 0)
            return invalid();
    } else if (binary) {
        return invalid();
    }
    const double value = number * std::pow(binary ? 1024.0 : 1000.0, power);
    if (!std::isfinite(value) || value >= 9.2e18)
        return makeError(QStringLiteral("'%1' is too large").arg(text));
    return qint64(std::llround(value));
}

Result<double> parseCpuQuantity(const QString &text)
{
    QString trimmed = text.trimmed();
    double scale = 1.0;
    if (trimmed.endsWith(QLatin1Char('m'))) {
        scale = 0.001;
        trimmed.chop(1);
    }
    bool ok = false;
    const double value = trimmed.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0.0 || trimmed.isEmpty() ||
        trimmed.startsWith(QLatin1Char('+')))
        return makeError(QStringLiteral("'%1' is not a quantity (use cores, like 2 or 1.5, or "
                                        "millicores, like 500m)")
                             .arg(text));
    return value * scale;
}

Result<qint64> parseDurationSeconds(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto invalid = [&] {
        return makeError(QStringLiteral("'%1' is not a duration (use 90s, 30m, 2h, 1d, HH:MM:SS "
                                        "or seconds)")
                             .arg(text));
    };
    if (trimmed.isEmpty())
        return invalid();
    bool ok = false;
    const qint64 plain = trimmed.toLongLong(&ok);
    if (ok)
        return plain >= 0 ? Result<qint64>(plain) : Result<qint64>(invalid());
    if (trimmed.contains(QLatin1Char(':'))) {
        static const QRegularExpression clock(
            QStringLiteral("^(?:([0-9]+)-)?([0-9]+)(?::([0-9]+))?(?::([0-9]+))?$"));
        const QRegularExpressionMatch m = clock.match(trimmed);
        if (!m.hasMatch())
            return invalid();
        const qint64 days = m.captured(1).toLongLong();
        QList<qint64> parts{m.captured(2).toLongLong()};
        if (m.hasCaptured(3) && !m.captured(3).isEmpty())
            parts.append(m.captured(3).toLongLong());
        if (m.hasCaptured(4) && !m.captured(4).isEmpty())
            parts.append(m.captured(4).toLongLong());
        qint64 seconds = 0;
        if (parts.size() == 3) // HH:MM:SS
            seconds = parts[0] * 3600 + parts[1] * 60 + parts[2];
        else if (parts.size() == 2) // MM:SS
            seconds = parts[0] * 60 + parts[1];
        else
            return invalid();
        return days * 86400 + seconds;
    }
    static const QRegularExpression part(QStringLiteral("([0-9]+(?:\\.[0-9]+)?)\\s*([dhms])"));
    static const QRegularExpression whole(
        QStringLiteral("^(?:\\s*[0-9]+(?:\\.[0-9]+)?\\s*[dhms])+$"));
    if (!whole.match(trimmed.toLower()).hasMatch())
        return invalid();
    double seconds = 0.0;
    auto it = part.globalMatch(trimmed.toLower());
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const double value = m.captured(1).toDouble();
        const QChar unit = m.captured(2).at(0);
        seconds += value * (unit == QLatin1Char('d')   ? 86400.0
                            : unit == QLatin1Char('h') ? 3600.0
                            : unit == QLatin1Char('m') ? 60.0
                                                       : 1.0);
    }
    return qint64(std::llround(seconds));
}

QString formatByteQuantity(qint64 bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes == 0)
        return QStringLiteral("0");
    int unit = -1;
    qint64 value = bytes;
    while (unit < 4 && value % 1024 == 0) {
        value /= 1024;
        ++unit;
    }
    if (unit < 0)
        return QString::number(bytes);
    return QString::number(value) + QLatin1String(units[unit]);
}

QString formatDuration(qint64 seconds)
{
    if (seconds != 0 && seconds % 86400 == 0)
        return QString::number(seconds / 86400) + QLatin1Char('d');
    if (seconds != 0 && seconds % 3600 == 0)
        return QString::number(seconds / 3600) + QLatin1Char('h');
    if (seconds != 0 && seconds % 60 == 0)
        return QString::number(seconds / 60) + QLatin1Char('m');
    return QString::number(seconds) + QLatin1Char('s');
}

} // namespace Continuo
