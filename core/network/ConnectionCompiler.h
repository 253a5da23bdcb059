#pragma once

#include "continuo_core_export.h"
#include "network/NetworkModel.h"
#include "network/P4Entry.h"
#include "network/P4Program.h"
#include "network/PathComputer.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Continuo {

/// Where a switch sends its INT postcards: the report's outer Ethernet/IPv4/UDP addresses.
struct IntReportTarget
{
    QString switchMac;         ///< Source MAC of the reports ("aa:bb:cc:dd:ee:ff").
    QString switchIp;          ///< Source IPv4 of the reports.
    QString collectorMac;      ///< Next-hop MAC toward the collector.
    QString collectorIp;       ///< IPv4 of the collector.
    quint16 collectorPort = 0; ///< UDP port the collector listens on.
};

/// Turns connections into table entries of the reference pipeline (P4Program::reference() or a
/// program with the same table, field and action names).
///
/// table0 and postcard_telemetry entries are ternary: given values get all-ones masks, wildcard
/// fields (ip_proto 0, L4 port 0) are left out. Keys are the endpoints' IPs. For a pod endpoint
/// that is the pod IP: the pipeline matches the inner headers of VXLAN (UDP 8472), so the same
/// keys hold for pod traffic between VTEPs. Place pod endpoints first with
/// FabricGraph::resolveEndpoints() (the VTEP/node rule); compile() needs every switchId.
namespace ConnectionCompiler {

/// Entries per switch id for the connection on `path` (switches from a's switch to b's):
/// on every switch, table0 set_egress_port toward the next switch (at the last one, toward the
/// endpoint's switchPort), priority = connection.priority; the same b -> a when bidirectional;
/// with telemetry, postcard_telemetry activate_postcard(flowId) for the same keys in each
/// direction. Notes read "connection c1 a->b hop 2/3". Every entry is checked with
/// P4Validation::validate. O(path length).
CONTINUO_CORE_EXPORT Result<QHash<QString, QList<P4TableEntry>>>
compile(const Connection &connection, const FabricPath &path, const P4Program &program);

/// The per-switch defaults of the INT egress: int_insert init_metadata(switch_id) and
/// generate_report do_report_encapsulation(src_mac, mon_mac, src_ip, mon_ip, mon_port), both
/// default-action entries of keyless tables.
CONTINUO_CORE_EXPORT Result<QList<P4TableEntry>>
baseEntries(const P4Program &program, quint32 intSwitchId, const IntReportTarget &target);

} // namespace ConnectionCompiler

} // namespace Continuo
