#pragma once

#include "continuo_core_export.h"
#include "model/Workload.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Continuo {

/// Workload intents from YAML: Continuo's own format, or Kubernetes manifests (as SERRANO
/// accepted them). A text may hold several YAML documents (`---`), each one of:
///
/// - Continuo intents: one intent mapping, a list of them, or a mapping with `intents:`:
///   ```
///   intents:
///     - name: video-analytics          # required
///       kind: container                # container | vm | unikernel | hpc_job | accelerated_kernel
///       group: pipeline-1              # co-location group
///       image: registry/va:1.2
///       replicas: 3
///       spread: node                   # node | site | zone
///       labels: {app: va}
///       resources: {cpu: 2, memory: 4GiB, disk: 10GiB, gpu: 1, fpga: 0}
///       requirements:
///         gpuModel: Orin               # substring of the device model
///         fpgaModel: U280
///         vaccel: true
///         arch: aarch64
///         securityTier: hardened       # standard | hardened | confidential
///         isolation: kata-vaccel       # runc | kata | kata-vaccel | unikernel
///         nodeSelector: {role: worker}
///         where: "free_memory > 8GiB"  # ResourceQuery syntax
///         maxLatency: [{site: site-edge-athens, ms: 20},
///                      {location: {latitude: 37.9, longitude: 23.7}, ms: 15}]
///         dataLocation: storage-edge-ath
///         dataMaxLatencyMs: 10
///         walltime: 2h                 # 90s, 30m, 2h, 1d, HH:MM:SS, D-HH:MM:SS, or seconds
///         partition: cpu
///         pinnedNode: node-1           # operator pin
///         pinnedCluster: cluster-1
///       objectives: {latency: 0.6, executionTime: 0, energy: 0.2, cost: 0.2, balance: 0}
///       strategy: multi-objective      # multi-objective | first-fit | best-fit-security | greedy
///   ```
///   Sizes take byte units (`512MiB`, `4GiB`, `4Gi`, `1G`, `2TB`), cpu takes cores or
///   millicores (`500m`). Unknown fields are errors, so typos do not pass silently.
/// - Kubernetes manifests (`apiVersion` + `kind` Deployment, StatefulSet, ReplicaSet,
///   DaemonSet, Job, CronJob or Pod; other kinds such as Service are skipped): one container
///   intent each, named after `metadata.name`, `spec.replicas` (Job: `spec.parallelism`)
///   replicas, cpu/memory/ephemeral-storage/`nvidia.com/gpu`/`*fpga*` summed over the
///   containers' requests (limits where a request is missing), the first container's image, the
///   pod's nodeSelector, `runtimeClassName` as isolation, `activeDeadlineSeconds` as walltime,
///   the group from the label `continuo.io/group` (or `serrano.eu/group`) on the object or its
///   pod template, and those labels copied.
///
/// Errors name the document (1-based) and the field:
/// "document 2: spec.template.spec.containers[0].resources.requests.cpu: '2x' is not a
/// quantity".
CONTINUO_CORE_EXPORT Result<QList<Workload>> parseIntents(const QByteArray &yamlText);

/// Continuo's intent format for `workloads` (an `intents:` list), which parseIntents() reads
/// back into equal workloads.
CONTINUO_CORE_EXPORT QByteArray intentsToYaml(const QList<Workload> &workloads);

/// `4GiB`, `4Gi`, `512MiB`, `1G`, `2TB`, `1e9`, `1024`: bytes. Binary with `i`, decimal without.
CONTINUO_CORE_EXPORT Result<qint64> parseByteQuantity(const QString &text);
/// `2`, `1.5`, `500m` (millicores): cores.
CONTINUO_CORE_EXPORT Result<double> parseCpuQuantity(const QString &text);
/// `90s`, `30m`, `2h`, `1d`, `1h30m`, `HH:MM:SS`, `MM:SS`, `D-HH:MM:SS`, `3600`: seconds.
CONTINUO_CORE_EXPORT Result<qint64> parseDurationSeconds(const QString &text);
/// Bytes as the shortest exact binary quantity: 4294967296 -> "4GiB", 1000 -> "1000".
CONTINUO_CORE_EXPORT QString formatByteQuantity(qint64 bytes);
/// Seconds as the largest exact unit: 7200 -> "2h", 90 -> "90s".
CONTINUO_CORE_EXPORT QString formatDuration(qint64 seconds);

} // namespace Continuo
