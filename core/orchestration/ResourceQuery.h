#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace Continuo {

class PlacementModel;

namespace Internal {
struct ResourceQueryData;
}

/// A resource-discovery predicate over the nodes of a PlacementModel: what `continuoctl find`,
/// the console's search box and the placement filter for `requirements.where` evaluate.
///
/// Syntax (keywords are case-insensitive):
/// ```
///   query      := expression | <empty>                 (empty matches every node)
///   expression := term { (and | or) term }             (not > and > or; parentheses group)
///   term       := not term | ( expression ) | attribute
///               | attribute op value                   op: = == != < <= > >=
///               | attribute between value and value    (inclusive)
///               | attribute in ( value {, value} )
///               | attribute ~ "regex"                  (full match, case-insensitive)
/// ```
/// Values are numbers, optionally with a byte unit (`512MiB`, `8GiB`, `2TB`, `8Gi`, `8G`: the
/// `i` units are powers of 1024, the others of 1000; `B` is optional; a space before the unit is
/// allowed), or strings, bare (`aarch64`, `site-edge-athens`) or quoted with `"` or `'`.
///
/// Attributes:
/// - numbers: `cpu`, `free_cpu` (cores); `memory`, `free_memory`, `disk`, `free_disk` (bytes);
///   `gpu`, `free_gpu`, `fpga`, `free_fpga` (device counts)
/// - strings (`=`/`!=`/`in` compare exactly but case-insensitively, `~` is a regex):
///   `gpu.model`, `fpga.model`, `arch`, `zone`, `site`, `cluster`, `name` (alias `id`),
///   `label.<key>` (e.g. `label.partition = gpu`; a bare `label.<key>` means the label is set)
/// - enums: `tier` (ordered: standard < hardened < confidential), `state` (ready, not_ready,
///   cordoned, draining, down, maintenance), `site.kind` (edge, cloud, hpc), `backend`
/// - booleans, usable bare or compared with true/false: `vaccel` (a GPU or FPGA usable through
///   vAccel), `schedulable` (state ready), `degraded` (an alert is firing on the node)
///
/// Example: `free_memory between 8GiB and 64GiB and gpu.model = "NVIDIA A100" and vaccel`.
///
/// Parsed once into a flat expression tree with attributes and enum values resolved, so
/// matches() allocates nothing except for `~` terms. Immutable and cheap to copy; safe to use
/// from several threads at once.
class CONTINUO_CORE_EXPORT ResourceQuery
{
public:
    ResourceQuery();
    ~ResourceQuery();
    ResourceQuery(const ResourceQuery &);
    ResourceQuery &operator=(const ResourceQuery &);

    /// Parse `text`. Errors say what is wrong and at which column ("column 13: unknown
    /// attribute 'colour'; known: cpu, free_cpu, ...").
    static Result<ResourceQuery> parse(const QString &text);

    /// True for a query with no terms (it matches everything).
    bool isEmpty() const;
    /// Whether node number `node` of `model` satisfies the query.
    bool matches(const PlacementModel &model, int node) const;
    /// The first term the node fails, for explanations, e.g.
    /// "free_memory 4 GiB not between 8 GiB and 64 GiB"; empty when the node matches.
    QString mismatch(const PlacementModel &model, int node) const;
    /// The text the query was parsed from (trimmed).
    QString text() const;
    /// Names of the attributes the query refers to, in order of first use ("free_memory",
    /// "label.partition").
    QStringList attributes() const;
    /// The value of one attribute (as named by attributes()) on a node: a number (double for
    /// cores, qint64 for bytes, int for counts), a string or a bool. Invalid for unknown names.
    static QVariant attributeValue(const PlacementModel &model, int node, const QString &attribute);
    /// Every attribute name the parser knows, `label.<key>` as "label.<key>".
    static QStringList knownAttributes();

private:
    std::shared_ptr<const Internal::ResourceQueryData> d;
};

/// One node found by a discovery query.
struct ResourceMatch
{
    QString nodeId;
    QString clusterId;
    QString siteId;
    QString source; ///< "local", or the id of the federated agent that answered.
    qint64 ageMs = 0; ///< Age of the data the answer rests on.
    QVariantMap attributes; ///< Values of the attributes the query names.
    bool operator==(const ResourceMatch &) const = default;
};

/// The nodes of `model` that match `query`, in node order, at most `limit` (<= 0: all), with
/// source "local" and each node's data age from `ageMs` (may be empty: age 0).
CONTINUO_CORE_EXPORT QList<ResourceMatch>
findResources(const PlacementModel &model, const ResourceQuery &query,
              const std::function<qint64(const QString &nodeId)> &ageMs, int limit);

} // namespace Continuo
