#pragma once

#include "model/Inventory.h"
#include "model/Workload.h"

namespace Continuo::Testing {

inline constexpr qint64 GiB = qint64(1) << 30;

/// A small continuum: an edge site (Athens, 3 aarch64 nodes, one with a vAccel Orin GPU), a
/// cloud site (Frankfurt: 2 Kubernetes nodes, one with 2 A100s; 2 confidential KVM hosts) and an
/// HPC site (Bologna: 3 Slurm nodes in partition "cpu"). Switches: ath --12ms-- core --6ms-- fra,
/// core --3ms-- bol.
inline InventorySnapshot smallContinuum()
{
    InventorySnapshot inventory;
    inventory.revision = 1;
    inventory.sites = {
        {QStringLiteral("site-ath"), QStringLiteral("Athens"), SiteKind::Edge,
         {QStringLiteral("Athens"), 37.98, 23.73}, {}},
        {QStringLiteral("site-bol"), QStringLiteral("Bologna"), SiteKind::Hpc,
         {QStringLiteral("Bologna"), 44.49, 11.34}, {}},
        {QStringLiteral("site-fra"), QStringLiteral("Frankfurt"), SiteKind::Cloud,
         {QStringLiteral("Frankfurt"), 50.11, 8.68}, {}},
    };
    inventory.clusters = {
        {QStringLiteral("c-edge"), QStringLiteral("edge k3s"), QStringLiteral("site-ath"),
         BackendKind::Kubernetes, QStringLiteral("simulator"), {}},
        {QStringLiteral("c-hpc"), QStringLiteral("slurm"), QStringLiteral("site-bol"),
         BackendKind::Slurm, QStringLiteral("simulator"), {}},
        {QStringLiteral("c-k8s"), QStringLiteral("cloud k8s"), QStringLiteral("site-fra"),
         BackendKind::Kubernetes, QStringLiteral("simulator"), {}},
        {QStringLiteral("c-kvm"), QStringLiteral("kvm"), QStringLiteral("site-fra"),
         BackendKind::Libvirt, QStringLiteral("simulator"), {}},
    };
    auto node = [](const QString &id, const QString &site, const QString &cluster, double cpu,
                   qint64 memoryGiB, const QString &arch, SecurityTier tier, Labels labels = {}) {
        Node n;
        n.id = id;
        n.name = id;
        n.siteId = site;
        n.clusterId = cluster;
        n.capacity = {cpu, memoryGiB * GiB, 500 * GiB};
        n.arch = arch;
        n.labels = labels;
        n.securityTier = tier;
        n.state = NodeState::Ready;
        return n;
    };
    const QString ath = QStringLiteral("site-ath");
    const QString fra = QStringLiteral("site-fra");
    const QString bol = QStringLiteral("site-bol");
    const QString arm = QStringLiteral("aarch64");
    const QString x86 = QStringLiteral("x86_64");
    const Labels cpuPartition{{QStringLiteral("partition"), QStringLiteral("cpu")}};
    inventory.nodes = {
        node(QStringLiteral("edge-1"), ath, QStringLiteral("c-edge"), 8, 32, arm, SecurityTier::Standard),
        node(QStringLiteral("edge-2"), ath, QStringLiteral("c-edge"), 8, 32, arm, SecurityTier::Standard),
        node(QStringLiteral("edge-3"), ath, QStringLiteral("c-edge"), 8, 32, arm, SecurityTier::Hardened),
        node(QStringLiteral("hpc-1"), bol, QStringLiteral("c-hpc"), 128, 512, x86, SecurityTier::Hardened, cpuPartition),
        node(QStringLiteral("hpc-2"), bol, QStringLiteral("c-hpc"), 128, 512, x86, SecurityTier::Hardened, cpuPartition),
        node(QStringLiteral("hpc-3"), bol, QStringLiteral("c-hpc"), 128, 512, x86, SecurityTier::Hardened, cpuPartition),
        node(QStringLiteral("k8s-1"), fra, QStringLiteral("c-k8s"), 32, 128, x86, SecurityTier::Hardened),
        node(QStringLiteral("k8s-2"), fra, QStringLiteral("c-k8s"), 32, 128, x86, SecurityTier::Hardened),
        node(QStringLiteral("kvm-1"), fra, QStringLiteral("c-kvm"), 64, 256, x86, SecurityTier::Confidential),
        node(QStringLiteral("kvm-2"), fra, QStringLiteral("c-kvm"), 64, 256, x86, SecurityTier::Confidential),
    };
    inventory.devices = {
        {QStringLiteral("gpu-edge-3"), QStringLiteral("edge-3"), DeviceKind::Gpu,
         QStringLiteral("NVIDIA Jetson AGX Orin"), 32 * GiB, true},
        {QStringLiteral("gpu-k8s-2-0"), QStringLiteral("k8s-2"), DeviceKind::Gpu,
         QStringLiteral("NVIDIA A100"), 80 * GiB, true},
        {QStringLiteral("gpu-k8s-2-1"), QStringLiteral("k8s-2"), DeviceKind::Gpu,
         QStringLiteral("NVIDIA A100"), 80 * GiB, true},
    };
    auto sw = [](const QString &id, const QString &site) {
        Switch s;
        s.id = id;
        s.name = id;
        s.siteId = site;
        s.target = QStringLiteral("bmv2");
        s.state = SwitchState::Up;
        return s;
    };
    inventory.switches = {sw(QStringLiteral("sw-ath"), ath), sw(QStringLiteral("sw-bol"), bol),
                          sw(QStringLiteral("sw-core"), {}), sw(QStringLiteral("sw-fra"), fra)};
    auto link = [](const QString &id, const QString &a, const QString &b, double ms) {
        Link l;
        l.id = id;
        l.a = {a, 1};
        l.b = {b, 1};
        l.capacityBitsPerSecond = 10'000'000'000;
        l.latencyMs = ms;
        l.state = LinkState::Up;
        return l;
    };
    inventory.links = {link(QStringLiteral("l-ath"), QStringLiteral("sw-ath"), QStringLiteral("sw-core"), 12),
                       link(QStringLiteral("l-bol"), QStringLiteral("sw-bol"), QStringLiteral("sw-core"), 3),
                       link(QStringLiteral("l-fra"), QStringLiteral("sw-fra"), QStringLiteral("sw-core"), 6)};
    inventory.storageLocations = {{QStringLiteral("store-ath"), QStringLiteral("Athens NVMe"), ath,
                                   StorageKind::Edge, 0.09, 2.0, 1000 * GiB}};
    return inventory;
}

inline Workload container(const QString &id, double cpu, qint64 memoryGiB)
{
    Workload workload;
    workload.id = id;
    workload.name = id;
    workload.kind = WorkloadKind::Container;
    workload.request.cpuCores = cpu;
    workload.request.memoryBytes = memoryGiB * GiB;
    return workload;
}

} // namespace Continuo::Testing
