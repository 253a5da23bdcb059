// Unit tests of the Slurm plugin's pure parts: parsers on output captured from Slurm 22.05
// (fixtures/), the job and node state maps, batch script generation and settings validation.

#include "SlurmComputeBackend.h"
#include "SlurmParsers.h"
#include "SlurmScript.h"

#include <QFile>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Slurm;

namespace {

QByteArray readFixture(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const SlurmJobInfo *findJob(const QList<SlurmJobInfo> &jobs, const QString &id)
{
    for (const SlurmJobInfo &job : jobs) {
        if (job.jobId == id)
            return &job;
    }
    return nullptr;
}

const SlurmJobInfo *findJobByName(const QList<SlurmJobInfo> &jobs, const QString &name)
{
    for (const SlurmJobInfo &job : jobs) {
        if (job.name == name)
            return &job;
    }
    return nullptr;
}

Workload hpcWorkload()
{
    Workload workload;
    workload.id = QStringLiteral("wl-1");
    workload.name = QStringLiteral("my job/1");
    workload.kind = WorkloadKind::HpcJob;
    workload.request.cpuCores = 2.5;
    workload.request.memoryBytes = 1536LL * 1024 * 1024 + 1;
    workload.image = QStringLiteral("echo hello");
    return workload;
}

Deployment deploymentOf(const QString &id)
{
    Deployment deployment;
    deployment.id = id;
    deployment.workloadId = QStringLiteral("wl-1");
    deployment.clusterId = QStringLiteral("hpc");
    return deployment;
}

} // namespace

class tst_SlurmParse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sinfo_data();
    void sinfo();
    void sinfoRejectsGarbage();
    void partitions();
    void squeueJson();
    void squeueText();
    void squeueErrors();
    void arrayTasks_data();
    void arrayTasks();
    void gres_data();
    void gres();
    void durations_data();
    void durations();
    void jobStates_data();
    void jobStates();
    void nodeStates_data();
    void nodeStates();
    void outputPath();
    void scriptBasics();
    void scriptDirectives();
    void scriptBody();
    void scriptRejects_data();
    void scriptRejects();
    void settings();
    void settingsErrors_data();
    void settingsErrors();
};

void tst_SlurmParse::sinfo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("inventoryState");
    QTest::newRow("22.05 allocated") << QFINDTESTDATA("fixtures/sinfo-22.05.json") << "allocated" << "ready";
    QTest::newRow("22.05 draining") << QFINDTESTDATA("fixtures/sinfo-draining-22.05.json") << "allocated" << "draining";
}

void tst_SlurmParse::sinfo()
{
    QFETCH(QString, file);
    QFETCH(QString, state);
    QFETCH(QString, inventoryState);
    auto nodes = parseSinfoJson(readFixture(file));
    QVERIFY2(nodes, qPrintable(nodes.error()));
    QCOMPARE(nodes->size(), 1);
    const SlurmNodeInfo &node = nodes->first();
    QCOMPARE(node.name, QStringLiteral("vm"));
    QCOMPARE(node.cpus, 2);
    QCOMPARE(node.realMemoryMiB, 1000);
    QCOMPARE(node.architecture, QStringLiteral("x86_64"));
    QCOMPARE(node.partitions, QStringList{QStringLiteral("debug")});
    QCOMPARE(node.state, state);
    QCOMPARE(toString(mapNodeState(node)), inventoryState);
}

void tst_SlurmParse::sinfoRejectsGarbage()
{
    QVERIFY(!parseSinfoJson("not json"));
    QVERIFY(!parseSinfoJson("[]"));
    QVERIFY(!parseSinfoJson("{\"meta\":{}}"));
    auto withError = parseSinfoJson(R"j({"errors":[{"error":"boom","description":"controller down"}],"nodes":[]})j");
    QVERIFY(!withError);
    QVERIFY(withError.error().contains(QStringLiteral("controller down")));
    // Newer (0.0.39+) shape: state as a list, numbers as objects.
    auto newer = parseSinfoJson(R"j({"nodes":[{"name":"n1","cpus":64,"real_memory":{"set":true,"number":256000},
        "state":["IDLE","DRAIN"],"partitions":["gpu","all"],"gres":"gpu:a100:4(S:0-1)",
        "active_features":["ib","avx512"]}]})j");
    QVERIFY2(newer, qPrintable(newer.error()));
    QCOMPARE(newer->first().realMemoryMiB, 256000);
    QCOMPARE(newer->first().state, QStringLiteral("idle"));
    QCOMPARE(newer->first().stateFlags, QStringList{QStringLiteral("DRAIN")});
    QCOMPARE(newer->first().features, (QStringList{QStringLiteral("ib"), QStringLiteral("avx512")}));
    QCOMPARE(toString(mapNodeState(newer->first())), QStringLiteral("draining"));
    QCOMPARE(parseGres(newer->first().gres), (QList<GresGpu>{{QStringLiteral("a100"), 4}}));
}

void tst_SlurmParse::partitions()
{
    auto partitions = parsePartitionsText(readFixture(QFINDTESTDATA("fixtures/partitions-22.05.txt")));
    QVERIFY2(partitions, qPrintable(partitions.error()));
    QCOMPARE(partitions->size(), 1);
    const SlurmPartitionInfo &debug = partitions->first();
    QCOMPARE(debug.name, QStringLiteral("debug"));
    QCOMPARE(debug.state, QStringLiteral("UP"));
    QVERIFY(debug.isDefault);
    QCOMPARE(debug.nodes, QStringLiteral("vm"));
    QCOMPARE(debug.totalCpus, 2);
    QCOMPARE(debug.totalNodes, 1);
    QCOMPARE(debug.maxTimeSeconds, -1);
    QVERIFY(!parsePartitionsText("garbage here\n"));
    auto two = parsePartitionsText("PartitionName=a State=DOWN MaxTime=1-00:00:00 TotalCPUs=4\n"
                                   "PartitionName=b State=UP Default=NO MaxTime=30\n");
    QVERIFY(two);
    QCOMPARE(two->size(), 2);
    QCOMPARE(two->at(0).maxTimeSeconds, 86400);
    QCOMPARE(two->at(1).maxTimeSeconds, 1800);
    QCOMPARE(two->at(0).state, QStringLiteral("DOWN"));
}

void tst_SlurmParse::squeueJson()
{
    auto jobs = parseSqueueJson(readFixture(QFINDTESTDATA("fixtures/squeue-22.05.json")));
    QVERIFY2(jobs, qPrintable(jobs.error()));

    const SlurmJobInfo *ok = findJobByName(*jobs, QStringLiteral("ok"));
    QVERIFY(ok);
    QCOMPARE(ok->state, QStringLiteral("COMPLETED"));
    QCOMPARE(ok->exitCode.value_or(-1), 0);
    QCOMPARE(ok->deploymentId(), QStringLiteral("dep-ok"));
    QCOMPARE(ok->partition, QStringLiteral("debug"));
    QCOMPARE(ok->userName, QStringLiteral("root"));
    QCOMPARE(ok->nodes, QStringLiteral("vm"));
    QVERIFY(ok->submitTimeMs > 1700000000000LL);
    QVERIFY(ok->endTimeMs >= ok->startTimeMs);
    QCOMPARE(ok->resolvedOutputPath(), QStringLiteral("/tmp/sl/wd/%1.out").arg(ok->jobId));
    QVERIFY(ok->isFinished());

    const SlurmJobInfo *failed = findJobByName(*jobs, QStringLiteral("fail"));
    QVERIFY(failed);
    QCOMPARE(failed->state, QStringLiteral("FAILED"));
    QCOMPARE(failed->exitCode.value_or(-1), 3);
    QCOMPARE(failed->reason, QStringLiteral("NonZeroExitCode"));

    const SlurmJobInfo *cancelled = findJobByName(*jobs, QStringLiteral("cancelme"));
    QVERIFY(cancelled);
    QCOMPARE(cancelled->state, QStringLiteral("CANCELLED"));

    const SlurmJobInfo *timeout = findJobByName(*jobs, QStringLiteral("timeout"));
    QVERIFY(timeout);
    QCOMPARE(timeout->state, QStringLiteral("TIMEOUT"));
    QCOMPARE(timeout->timeLimitSeconds, 60);

    const SlurmJobInfo *running = findJobByName(*jobs, QStringLiteral("running"));
    QVERIFY(running);
    QCOMPARE(running->state, QStringLiteral("RUNNING"));
    QCOMPARE(running->timeLimitSeconds, -1);
    QVERIFY(!running->isFinished());

    // The held array 15_[0-5%2] with task 1 released and run: every task is there.
    int arrayTasks = 0;
    for (const SlurmJobInfo &job : std::as_const(*jobs)) {
        if (job.arrayJobId == 15) {
            ++arrayTasks;
            QVERIFY(job.arrayJobId > 0);
            QVERIFY(job.arrayTaskId >= 0);
            QCOMPARE(job.jobId, QStringLiteral("%1_%2").arg(job.arrayJobId).arg(job.arrayTaskId));
        }
    }
    QCOMPARE(arrayTasks, 6);
    // The cancelled array 4_[0,2-3] too.
    QVERIFY(findJob(*jobs, QStringLiteral("4_2")));
    QCOMPARE(findJob(*jobs, QStringLiteral("4_2"))->state, QStringLiteral("CANCELLED"));
    const SlurmJobInfo *released = nullptr;
    const SlurmJobInfo *held = nullptr;
    for (const SlurmJobInfo &job : std::as_const(*jobs)) {
        if (job.arrayJobId == 15 && job.arrayTaskId == 1)
            released = &job;
        if (job.arrayJobId == 15 && job.arrayTaskId == 4)
            held = &job;
    }
    QVERIFY(released && held);
    QCOMPARE(released->state, QStringLiteral("COMPLETED"));
    QCOMPARE(held->state, QStringLiteral("PENDING"));
    QCOMPARE(held->reason, QStringLiteral("JobHeldUser"));
}

void tst_SlurmParse::squeueText()
{
    auto jobs = parseSqueueText(readFixture(QFINDTESTDATA("fixtures/squeue-text-22.05.txt")));
    QVERIFY2(jobs, qPrintable(jobs.error()));
    auto json = parseSqueueJson(readFixture(QFINDTESTDATA("fixtures/squeue-22.05.json")));
    QVERIFY(json);
    // Same capture moment: the same jobs in the same states.
    QCOMPARE(jobs->size(), json->size());
    for (const SlurmJobInfo &job : std::as_const(*json)) {
        const SlurmJobInfo *text = findJob(*jobs, job.jobId);
        QVERIFY2(text, qPrintable(job.jobId));
        QCOMPARE(text->state, job.state);
        QCOMPARE(text->name, job.name);
        QCOMPARE(text->comment, job.comment);
        QCOMPARE(text->timeLimitSeconds, job.timeLimitSeconds);
        QCOMPARE(text->arrayTaskId, job.arrayTaskId);
        QVERIFY(!text->exitCode.has_value());
    }
    QVERIFY(!parseSqueueText("1\x1f" "2\n"));
    QCOMPARE(squeueTextArguments().first(), QStringLiteral("squeue"));
    QVERIFY(squeueTextArguments().contains(QStringLiteral("-r")));
}

void tst_SlurmParse::squeueErrors()
{
    QVERIFY(!parseSqueueJson(""));
    QVERIFY(!parseSqueueJson("{\"jobs\": 5}"));
    auto bad = parseSqueueJson(R"j({"jobs":[{"job_id":7,"array_job_id":7,"array_task_string":"x-y"}]})j");
    QVERIFY(!bad);
    // Newer exit code and time shapes.
    auto newer = parseSqueueJson(R"j({"jobs":[{"job_id":9,"job_state":["FAILED"],
        "exit_code":{"status":["ERROR"],"return_code":{"set":true,"infinite":false,"number":2}},
        "time_limit":{"set":true,"infinite":false,"number":10},"submit_time":{"set":true,"number":1700000000}}]})j");
    QVERIFY2(newer, qPrintable(newer.error()));
    QCOMPARE(newer->first().exitCode.value_or(-1), 2);
    QCOMPARE(newer->first().timeLimitSeconds, 600);
    QCOMPARE(newer->first().submitTimeMs, 1700000000000LL);
    QCOMPARE(newer->first().state, QStringLiteral("FAILED"));
    // A raw wait status with a signal.
    auto signalled = parseSqueueJson(R"j({"jobs":[{"job_id":3,"job_state":"CANCELLED","exit_code":15}]})j");
    QVERIFY(signalled);
    QCOMPARE(signalled->first().exitSignal, 15);
}

void tst_SlurmParse::arrayTasks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("tasks");
    QTest::addColumn<bool>("valid");
    QTest::newRow("range") << "0-3" << QList<int>{0, 1, 2, 3} << true;
    QTest::newRow("list") << "0,2-3" << QList<int>{0, 2, 3} << true;
    QTest::newRow("throttle") << "0-5%2" << QList<int>{0, 1, 2, 3, 4, 5} << true;
    QTest::newRow("step") << "1-9:4" << QList<int>{1, 5, 9} << true;
    QTest::newRow("single") << "7" << QList<int>{7} << true;
    QTest::newRow("reversed") << "5-2" << QList<int>{} << false;
    QTest::newRow("junk") << "a-b" << QList<int>{} << false;
    QTest::newRow("empty") << "" << QList<int>{} << false;
}

void tst_SlurmParse::arrayTasks()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, tasks);
    QFETCH(bool, valid);
    auto result = expandArrayTaskString(text);
    QCOMPARE(bool(result), valid);
    if (valid)
        QCOMPARE(*result, tasks);
    QVERIFY(!expandArrayTaskString(QStringLiteral("0-100"), 10));
}

void tst_SlurmParse::gres_data()
{
    QTest::addColumn<QString>("gres");
    QTest::addColumn<QList<GresGpu>>("gpus");
    QTest::newRow("none") << "" << QList<GresGpu>{};
    QTest::newRow("typed") << "gpu:a100:2" << QList<GresGpu>{{QStringLiteral("a100"), 2}};
    QTest::newRow("untyped") << "gpu:4" << QList<GresGpu>{{QString(), 4}};
    QTest::newRow("sockets") << "gpu:v100:1(S:0),gpu:a100:2(S:0-1),shard:8"
                             << QList<GresGpu>{{QStringLiteral("v100"), 1}, {QStringLiteral("a100"), 2}};
    QTest::newRow("other only") << "mps:100" << QList<GresGpu>{};
}

void tst_SlurmParse::gres()
{
    QFETCH(QString, gres);
    QFETCH(QList<GresGpu>, gpus);
    QCOMPARE(parseGres(gres), gpus);
}

void tst_SlurmParse::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("unlimited") << "UNLIMITED" << qint64(-1);
    QTest::newRow("minutes") << "30" << qint64(1800);
    QTest::newRow("mm:ss") << "5:00" << qint64(300);
    QTest::newRow("hh:mm:ss") << "2:03:04" << qint64(7384);
    QTest::newRow("days") << "1-00:00:00" << qint64(86400);
    QTest::newRow("days-hours") << "2-3" << qint64(2 * 86400 + 3 * 3600);
}

void tst_SlurmParse::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    auto parsed = parseSlurmDuration(text);
    QVERIFY(parsed);
    QCOMPARE(*parsed, seconds);
    QVERIFY(!parseSlurmDuration(QStringLiteral("soon")));
    QCOMPARE(formatSlurmDuration(60), QStringLiteral("1:00"));
    QCOMPARE(formatSlurmDuration(3599), QStringLiteral("59:59"));
    QCOMPARE(formatSlurmDuration(90061), QStringLiteral("1-01:01:01"));
    QCOMPARE(formatSlurmDuration(3600), QStringLiteral("0-01:00:00"));
    QCOMPARE(*parseSlurmDuration(formatSlurmDuration(90061)), qint64(90061));
}

void tst_SlurmParse::jobStates_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("ours");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("pending") << "PENDING" << 0 << false << "in_deployment" << "pending";
    QTest::newRow("configuring") << "CONFIGURING" << 0 << false << "in_deployment" << "configuring";
    QTest::newRow("requeued") << "REQUEUED" << 0 << false << "in_deployment" << "requeued";
    QTest::newRow("resizing") << "RESIZING" << 0 << false << "in_deployment" << "resizing";
    QTest::newRow("running") << "RUNNING" << 0 << false << "deployed" << "running";
    QTest::newRow("completing") << "COMPLETING" << 0 << false << "deployed" << "completing";
    QTest::newRow("suspended") << "SUSPENDED" << 0 << false << "deployed" << "suspended";
    QTest::newRow("stopped") << "STOPPED" << 0 << false << "deployed" << "stopped";
    QTest::newRow("completed") << "COMPLETED" << 0 << false << "terminated" << "completed, exit 0";
    QTest::newRow("failed") << "FAILED" << 3 << false << "failed" << "exit 3";
    QTest::newRow("timeout") << "TIMEOUT" << 0 << false << "failed" << "TIMEOUT";
    QTest::newRow("oom") << "OUT_OF_MEMORY" << 0 << false << "failed" << "OUT_OF_MEMORY";
    QTest::newRow("node fail") << "NODE_FAIL" << 0 << false << "failed" << "NODE_FAIL";
    QTest::newRow("preempted") << "PREEMPTED" << 0 << false << "failed" << "PREEMPTED";
    QTest::newRow("boot fail") << "BOOT_FAIL" << 0 << false << "failed" << "BOOT_FAIL";
    QTest::newRow("deadline") << "DEADLINE" << 0 << false << "failed" << "DEADLINE";
    QTest::newRow("revoked") << "REVOKED" << 0 << false << "failed" << "REVOKED";
    QTest::newRow("special exit") << "SPECIAL_EXIT" << 0 << false << "failed" << "SPECIAL_EXIT";
    QTest::newRow("cancelled by us") << "CANCELLED" << 0 << true << "terminated" << "cancelled";
    QTest::newRow("cancelled by others") << "CANCELLED" << 0 << false << "failed" << "cancelled by unknown";
    QTest::newRow("weird") << "SOMETHING_NEW" << 0 << false << "unknown" << "SOMETHING_NEW";
}

void tst_SlurmParse::jobStates()
{
    QFETCH(QString, state);
    QFETCH(int, exitCode);
    QFETCH(bool, ours);
    QFETCH(QString, expected);
    QFETCH(QString, messagePart);
    SlurmJobInfo job;
    job.jobId = QStringLiteral("42");
    job.state = state;
    job.exitCode = exitCode;
    job.nodes = QStringLiteral("n1");
    const JobStateMapping mapping = mapJobState(job, ours);
    QCOMPARE(toString(mapping.state), expected);
    QVERIFY2(mapping.message.contains(messagePart), qPrintable(mapping.message));
    QVERIFY(mapping.message.contains(QStringLiteral("42")));
}

void tst_SlurmParse::nodeStates_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("expected");
    QTest::newRow("idle") << "idle" << QStringList{} << "ready";
    QTest::newRow("mixed") << "mixed" << QStringList{} << "ready";
    QTest::newRow("allocated") << "allocated" << QStringList{} << "ready";
    QTest::newRow("drain") << "idle" << QStringList{"DRAIN"} << "draining";
    QTest::newRow("draining") << "draining" << QStringList{} << "draining";
    QTest::newRow("down") << "down" << QStringList{} << "down";
    QTest::newRow("fail") << "fail" << QStringList{} << "down";
    QTest::newRow("not responding") << "idle" << QStringList{"NOT_RESPONDING"} << "down";
    QTest::newRow("maint") << "idle" << QStringList{"MAINTENANCE"} << "maintenance";
    QTest::newRow("future") << "future" << QStringList{} << "down";
}

void tst_SlurmParse::nodeStates()
{
    QFETCH(QString, state);
    QFETCH(QStringList, flags);
    QFETCH(QString, expected);
    SlurmNodeInfo node;
    node.state = state;
    node.stateFlags = flags;
    QCOMPARE(toString(mapNodeState(node)), expected);
}

void tst_SlurmParse::outputPath()
{
    SlurmJobInfo job;
    job.numericJobId = 17;
    job.arrayJobId = 15;
    job.arrayTaskId = 2;
    job.name = QStringLiteral("n");
    job.userName = QStringLiteral("u");
    job.standardOutput = QStringLiteral("/w/%x-%u-%A_%a-%j-100%%.out");
    QCOMPARE(job.resolvedOutputPath(), QStringLiteral("/w/n-u-15_2-17-100%.out"));
}

void tst_SlurmParse::scriptBasics()
{
    auto script = generateBatchScript(hpcWorkload(), deploymentOf(QStringLiteral("dep-1")), QStringLiteral("/work"));
    QVERIFY2(script, qPrintable(script.error()));
    const QString text = QString::fromUtf8(script->text);
    QVERIFY(text.startsWith(QStringLiteral("#!/bin/bash\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --job-name=my_job_1\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --nodes=1\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --ntasks=1\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --cpus-per-task=3\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --mem=1537M\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --comment=continuo:dep-1\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --output=/work/dep-1/%j.out\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --error=/work/dep-1/%j.err\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --chdir=/work/dep-1\n")));
    QVERIFY(!text.contains(QStringLiteral("--partition")));
    QVERIFY(!text.contains(QStringLiteral("--time")));
    QVERIFY(!text.contains(QStringLiteral("--gres")));
    QVERIFY(text.endsWith(QStringLiteral("\necho hello\n")));
    QCOMPARE(script->scriptPath, QStringLiteral("/work/dep-1/job.sh"));
    // Every directive comes before the body (sbatch stops reading them at the first command).
    const qsizetype body = text.indexOf(QStringLiteral("echo hello"));
    QVERIFY(text.lastIndexOf(QStringLiteral("#SBATCH")) < body);
}

void tst_SlurmParse::scriptDirectives()
{
    Workload workload = hpcWorkload();
    workload.request.gpuCount = 2;
    workload.requirements.gpuModel = QStringLiteral("A100");
    workload.requirements.partition = QStringLiteral("gpu");
    workload.requirements.walltimeSeconds = 90;
    workload.requirements.arch = QStringLiteral("x86_64");
    workload.requirements.nodeSelector = {{QStringLiteral("net"), QStringLiteral("ib")}};
    workload.labels = {{QStringLiteral("slurm.nodes"), QStringLiteral("2")},
                       {QStringLiteral("slurm.ntasks"), QStringLiteral("8")},
                       {QStringLiteral("slurm.account"), QStringLiteral("proj1")},
                       {QStringLiteral("slurm.qos"), QStringLiteral("high")},
                       {QStringLiteral("slurm.output"), QStringLiteral("out.txt")},
                       {QStringLiteral("slurm.error"), QStringLiteral("/abs/err.txt")},
                       {QStringLiteral("slurm.stageIn"), QStringLiteral("/local/in.dat:in.dat,/local/b:/remote/b")},
                       {QStringLiteral("slurm.stageOut"), QStringLiteral("result.dat:/local/result.dat")}};
    auto script = generateBatchScript(workload, deploymentOf(QStringLiteral("dep-2")), QStringLiteral("/w"));
    QVERIFY2(script, qPrintable(script.error()));
    const QString text = QString::fromUtf8(script->text);
    QVERIFY(text.contains(QStringLiteral("#SBATCH --partition=gpu\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --nodes=2\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --ntasks=8\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --gres=gpu:a100:2\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --time=1:30\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --constraint=x86_64&ib\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --account=proj1\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --qos=high\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --output=/w/dep-2/out.txt\n")));
    QVERIFY(text.contains(QStringLiteral("#SBATCH --error=/abs/err.txt\n")));
    QCOMPARE(script->stageIn, (QList<StagedFile>{{QStringLiteral("/local/in.dat"), QStringLiteral("/w/dep-2/in.dat")},
                                                 {QStringLiteral("/local/b"), QStringLiteral("/remote/b")}}));
    QCOMPARE(script->stageOut,
             (QList<StagedFile>{{QStringLiteral("/w/dep-2/result.dat"), QStringLiteral("/local/result.dat")}}));

    workload.requirements.gpuModel.clear();
    workload.requirements.walltimeSeconds = 2 * 86400 + 3600;
    auto plain = generateBatchScript(workload, deploymentOf(QStringLiteral("dep-3")), QStringLiteral("/w"));
    QVERIFY(plain);
    QVERIFY(plain->text.contains("#SBATCH --gres=gpu:2\n"));
    QVERIFY(plain->text.contains("#SBATCH --time=2-01:00:00\n"));
}

void tst_SlurmParse::scriptBody()
{
    Workload workload = hpcWorkload();
    workload.image = QStringLiteral("#!/bin/sh\necho one\necho two");
    auto script = generateBatchScript(workload, deploymentOf(QStringLiteral("d")), QStringLiteral("/w"));
    QVERIFY(script);
    const QString text = QString::fromUtf8(script->text);
    QVERIFY(!text.contains(QStringLiteral("#!/bin/sh")));
    QVERIFY(text.endsWith(QStringLiteral("\necho one\necho two\n")));
    QCOMPARE(text.count(QStringLiteral("#!")), 1);

    workload.image = QStringLiteral("hostname\nsleep 1\n");
    script = generateBatchScript(workload, deploymentOf(QStringLiteral("d")), QStringLiteral("/w"));
    QVERIFY(script);
    QVERIFY(script->text.endsWith("\nhostname\nsleep 1\n"));
}

void tst_SlurmParse::scriptRejects_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("newline in name") << "name" << "a\nb" << "newline";
    QTest::newRow("newline in partition") << "partition" << "debug\n#SBATCH --x" << "newline";
    QTest::newRow("space in partition") << "partition" << "de bug" << "partition";
    QTest::newRow("empty body") << "image" << "" << "no job script";
    QTest::newRow("shebang only") << "image" << "#!/bin/bash\n" << "no job script";
    QTest::newRow("bad nodes") << "slurm.nodes" << "two" << "slurm.nodes";
    QTest::newRow("bad stage-in") << "slurm.stageIn" << "nocolon" << "slurm.stageIn";
    QTest::newRow("newline in stage-out") << "slurm.stageOut" << "a:b\nc:d" << "slurm.stageOut";
    QTest::newRow("bad constraint") << "nodeSelector" << "a|b" << "constraint";
    QTest::newRow("bad deployment id") << "deployment" << "dep 1" << "deployment id";
    QTest::newRow("newline in account") << "slurm.account" << "a\nb" << "newline";
}

void tst_SlurmParse::scriptRejects()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, errorPart);
    Workload workload = hpcWorkload();
    Deployment deployment = deploymentOf(QStringLiteral("dep"));
    if (field == QLatin1String("name"))
        workload.name = value;
    else if (field == QLatin1String("partition"))
        workload.requirements.partition = value;
    else if (field == QLatin1String("image"))
        workload.image = value;
    else if (field == QLatin1String("nodeSelector"))
        workload.requirements.nodeSelector.insert(QStringLiteral("x"), value);
    else if (field == QLatin1String("deployment"))
        deployment.id = value;
    else
        workload.labels.insert(field, value);
    auto script = generateBatchScript(workload, deployment, QStringLiteral("/w"));
    QVERIFY(!script);
    QVERIFY2(script.error().contains(errorPart), qPrintable(script.error()));
}

void tst_SlurmParse::settings()
{
    const QVariantMap settings{
        {QStringLiteral("clusters"),
         QVariantList{QVariantMap{{QStringLiteral("id"), QStringLiteral("hpc1")},
                                  {QStringLiteral("site"), QStringLiteral("site-a")},
                                  {QStringLiteral("slurmConf"), QStringLiteral("/etc/slurm/x.conf")},
                                  {QStringLiteral("pollIntervalMs"), 500},
                                  {QStringLiteral("useSacct"), true}},
                      QVariantMap{{QStringLiteral("id"), QStringLiteral("hpc2")},
                                  {QStringLiteral("name"), QStringLiteral("Second")},
                                  {QStringLiteral("site"), QStringLiteral("site-b")},
                                  {QStringLiteral("transport"), QStringLiteral("ssh")},
                                  {QStringLiteral("host"), QStringLiteral("login.example")},
                                  {QStringLiteral("workDir"), QStringLiteral("/scratch/continuo/")}}}}};
    auto clusters = ClusterSettings::listFromSettings(settings);
    QVERIFY2(clusters, qPrintable(clusters.error()));
    QCOMPARE(clusters->size(), 2);
    QCOMPARE(clusters->at(0).pollInterval.count(), 500);
    QVERIFY(clusters->at(0).useSacct);
    QCOMPARE(clusters->at(0).workDirectory, QStringLiteral("/tmp/continuo-slurm/hpc1"));
    QCOMPARE(clusters->at(0).transport.environment.value(QStringLiteral("SLURM_CONF")), QStringLiteral("/etc/slurm/x.conf"));
    QCOMPARE(clusters->at(0).name, QStringLiteral("hpc1"));
    QCOMPARE(clusters->at(1).name, QStringLiteral("Second"));
    QCOMPARE(clusters->at(1).workDirectory, QStringLiteral("/scratch/continuo"));
    QCOMPARE(clusters->at(1).transport.mode, TransportSettings::Mode::Ssh);
    QVERIFY(!clusters->at(1).useSacct);
}

void tst_SlurmParse::settingsErrors_data()
{
    QTest::addColumn<QVariantMap>("settings");
    QTest::addColumn<QString>("errorPart");
    auto one = [](QVariantMap entry) { return QVariantMap{{QStringLiteral("clusters"), QVariantList{entry}}}; };
    const QVariantMap good{{QStringLiteral("id"), QStringLiteral("c")}, {QStringLiteral("site"), QStringLiteral("s")}};
    QTest::newRow("no clusters") << QVariantMap{} << "no \"clusters\"";
    QTest::newRow("clusters not a list") << QVariantMap{{QStringLiteral("clusters"), 3}} << "must be a list";
    QTest::newRow("entry not an object") << QVariantMap{{QStringLiteral("clusters"), QVariantList{5}}} << "not an object";
    QVariantMap noId = good;
    noId.remove(QStringLiteral("id"));
    QTest::newRow("no id") << one(noId) << "no \"id\"";
    QVariantMap badId = good;
    badId.insert(QStringLiteral("id"), QStringLiteral("a/b"));
    QTest::newRow("bad id") << one(badId) << "may only hold";
    QVariantMap noSite = good;
    noSite.remove(QStringLiteral("site"));
    QTest::newRow("no site") << one(noSite) << "no \"site\"";
    QVariantMap badTransport = good;
    badTransport.insert(QStringLiteral("transport"), QStringLiteral("carrier-pigeon"));
    QTest::newRow("bad transport") << one(badTransport) << "unknown transport";
    QVariantMap sshNoHost = good;
    sshNoHost.insert(QStringLiteral("transport"), QStringLiteral("ssh"));
    QTest::newRow("ssh without host") << one(sshNoHost) << "host";
    QVariantMap badInterval = good;
    badInterval.insert(QStringLiteral("pollIntervalMs"), QStringLiteral("often"));
    QTest::newRow("bad interval") << one(badInterval) << "pollIntervalMs";
    QVariantMap relativeDir = good;
    relativeDir.insert(QStringLiteral("workDir"), QStringLiteral("work"));
    QTest::newRow("relative workDir") << one(relativeDir) << "absolute";
    QVariantMap badSacct = good;
    badSacct.insert(QStringLiteral("useSacct"), QStringLiteral("maybe"));
    QTest::newRow("bad useSacct") << one(badSacct) << "useSacct";
    QTest::newRow("duplicate") << QVariantMap{{QStringLiteral("clusters"), QVariantList{good, good}}} << "twice";
}

void tst_SlurmParse::settingsErrors()
{
    QFETCH(QVariantMap, settings);
    QFETCH(QString, errorPart);
    auto clusters = ClusterSettings::listFromSettings(settings);
    QVERIFY(!clusters);
    QVERIFY2(clusters.error().contains(errorPart), qPrintable(clusters.error()));
}

QTEST_GUILESS_MAIN(tst_SlurmParse)
#include "tst_slurmparse.moc"
