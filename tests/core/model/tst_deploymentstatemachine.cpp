#include "model/Workload.h"

#include <QSet>
#include <QTest>

using namespace Continuo;

namespace {

using S = DeploymentState;

const QList<DeploymentState> kAllStates = {
    S::Unknown,      S::Submitted, S::Pending, S::Scheduled,  S::Assigned,
    S::InDeployment, S::Deployed,  S::Failed,  S::Redeployed, S::Terminated};

Deployment inState(DeploymentState state)
{
    Deployment deployment;
    deployment.id = QStringLiteral("dep-1");
    deployment.workloadId = QStringLiteral("wl-1");
    deployment.state = state;
    deployment.createdMs = 10;
    deployment.updatedMs = 20;
    deployment.message = QStringLiteral("before");
    return deployment;
}

} // namespace

class tst_DeploymentStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void submit();
    void legalPath();
    void failedIsRedeployed();
    void legalTransitions_data();
    void legalTransitions();
    void illegalTransitionsChangeNothing_data();
    void illegalTransitionsChangeNothing();
    void terminatedIsFinal();
    void graphIsConsistent();
    void stateNames();
};

void tst_DeploymentStateMachine::submit()
{
    const Deployment deployment =
        DeploymentStateMachine::submit(QStringLiteral("dep-1"), QStringLiteral("wl-1"), 1000);
    QCOMPARE(deployment.id, QStringLiteral("dep-1"));
    QCOMPARE(deployment.workloadId, QStringLiteral("wl-1"));
    QCOMPARE(toString(deployment.state), toString(S::Submitted));
    QCOMPARE(deployment.createdMs, 1000);
    QCOMPARE(deployment.updatedMs, 1000);
    QCOMPARE(deployment.history,
             (QList<DeploymentTransition>{{S::Unknown, S::Submitted, 1000, QString()}}));
}

void tst_DeploymentStateMachine::legalPath()
{
    Deployment deployment =
        DeploymentStateMachine::submit(QStringLiteral("dep-1"), QStringLiteral("wl-1"), 1000);
    const QList<DeploymentState> path = {S::Pending,      S::Scheduled, S::Assigned,
                                         S::InDeployment, S::Deployed,  S::Terminated};
    qint64 time = 1000;
    for (const DeploymentState next : path) {
        const DeploymentState previous = deployment.state;
        const QString reason = QStringLiteral("now %1").arg(toString(next));
        const auto moved =
            DeploymentStateMachine::transition(deployment, next, time += 100, reason);
        QVERIFY2(moved, qPrintable(moved.error()));
        QCOMPARE(toString(deployment.state), toString(next));
        QCOMPARE(deployment.updatedMs, time);
        QCOMPARE(deployment.message, reason);
        QCOMPARE(deployment.history.last(), (DeploymentTransition{previous, next, time, reason}));
    }
    QCOMPARE(deployment.history.size(), 1 + path.size());
    QCOMPARE(deployment.createdMs, 1000);
    QVERIFY(DeploymentStateMachine::isFinal(deployment.state));

    // An empty reason keeps the last message.
    Deployment quiet = DeploymentStateMachine::submit(QStringLiteral("d"), QStringLiteral("w"), 1);
    QVERIFY(DeploymentStateMachine::transition(quiet, S::Pending, 2, QStringLiteral("queued")));
    QVERIFY(DeploymentStateMachine::transition(quiet, S::Scheduled, 3, QString()));
    QCOMPARE(quiet.message, QStringLiteral("queued"));
}

void tst_DeploymentStateMachine::failedIsRedeployed()
{
    Deployment deployment =
        DeploymentStateMachine::submit(QStringLiteral("dep-1"), QStringLiteral("wl-1"), 0);
    const QList<DeploymentState> path = {S::Pending,  S::Scheduled,    S::Assigned, S::InDeployment,
                                         S::Failed,   S::Redeployed,   S::Pending,  S::Scheduled,
                                         S::Assigned, S::InDeployment, S::Deployed};
    qint64 time = 0;
    for (const DeploymentState next : path) {
        const auto moved = DeploymentStateMachine::transition(deployment, next, ++time, {});
        QVERIFY2(moved, qPrintable(moved.error()));
    }
    QCOMPARE(toString(deployment.state), toString(S::Deployed));
    QCOMPARE(deployment.history.size(), 1 + path.size());
    QCOMPARE(deployment.history.at(5), (DeploymentTransition{S::InDeployment, S::Failed, 5, {}}));
    QCOMPARE(deployment.history.at(7), (DeploymentTransition{S::Redeployed, S::Pending, 7, {}}));
}

void tst_DeploymentStateMachine::legalTransitions_data()
{
    QTest::addColumn<DeploymentState>("from");
    QTest::addColumn<DeploymentState>("to");
    const std::pair<DeploymentState, DeploymentState> legal[] = {
        {S::Unknown, S::Submitted},     {S::Submitted, S::Pending},
        {S::Pending, S::Scheduled},     {S::Scheduled, S::Assigned},
        {S::Assigned, S::InDeployment}, {S::InDeployment, S::Deployed},
        {S::Deployed, S::Terminated},   {S::Failed, S::Redeployed},
        {S::Redeployed, S::Pending},    {S::Deployed, S::Redeployed},
        {S::Scheduled, S::Pending},     {S::InDeployment, S::Failed},
        {S::Submitted, S::Failed},      {S::Failed, S::Terminated},
        {S::Submitted, S::Terminated},  {S::Redeployed, S::Scheduled},
    };
    for (const auto &[from, to] : legal) {
        QTest::addRow("%s -> %s", qPrintable(toString(from)), qPrintable(toString(to)))
            << from << to;
    }
}

void tst_DeploymentStateMachine::legalTransitions()
{
    QFETCH(DeploymentState, from);
    QFETCH(DeploymentState, to);
    QVERIFY(DeploymentStateMachine::canTransition(from, to));
    Deployment deployment = inState(from);
    QVERIFY(DeploymentStateMachine::transition(deployment, to, 99, QStringLiteral("why")));
    QCOMPARE(toString(deployment.state), toString(to));
    QCOMPARE(deployment.history.size(), 1);
}

void tst_DeploymentStateMachine::illegalTransitionsChangeNothing_data()
{
    QTest::addColumn<DeploymentState>("from");
    QTest::addColumn<DeploymentState>("to");
    const std::pair<DeploymentState, DeploymentState> illegal[] = {
        {S::Unknown, S::Pending},       {S::Submitted, S::Deployed},
        {S::Submitted, S::Submitted},   {S::Pending, S::Assigned},
        {S::Pending, S::Pending},       {S::Scheduled, S::Deployed},
        {S::Assigned, S::Scheduled},    {S::InDeployment, S::Pending},
        {S::Deployed, S::Pending},      {S::Deployed, S::InDeployment},
        {S::Failed, S::Deployed},       {S::Failed, S::Pending},
        {S::Redeployed, S::Deployed},   {S::Terminated, S::Pending},
        {S::Terminated, S::Submitted},  {S::Terminated, S::Redeployed},
        {S::Terminated, S::Terminated}, {S::Deployed, S::Unknown},
        {S::Pending, S::Unknown},
    };
    for (const auto &[from, to] : illegal) {
        QTest::addRow("%s -> %s", qPrintable(toString(from)), qPrintable(toString(to)))
            << from << to;
    }
}

void tst_DeploymentStateMachine::illegalTransitionsChangeNothing()
{
    QFETCH(DeploymentState, from);
    QFETCH(DeploymentState, to);
    QVERIFY(!DeploymentStateMachine::canTransition(from, to));
    Deployment deployment = inState(from);
    deployment.history.append({S::Unknown, from, 5, QStringLiteral("earlier")});
    const Deployment before = deployment;
    const auto moved = DeploymentStateMachine::transition(deployment, to, 99, QStringLiteral("no"));
    QVERIFY(!moved);
    QVERIFY2(moved.error().contains(toString(from)) && moved.error().contains(toString(to)) &&
                 moved.error().contains(QLatin1String("dep-1")),
             qPrintable(moved.error()));
    QCOMPARE(deployment, before);
}

void tst_DeploymentStateMachine::terminatedIsFinal()
{
    QVERIFY(DeploymentStateMachine::nextStates(S::Terminated).isEmpty());
    for (const DeploymentState state : kAllStates) {
        QCOMPARE(DeploymentStateMachine::isFinal(state), state == S::Terminated);
        QVERIFY(!DeploymentStateMachine::canTransition(S::Terminated, state));
    }
}

void tst_DeploymentStateMachine::graphIsConsistent()
{
    for (const DeploymentState from : kAllStates) {
        const QList<DeploymentState> next = DeploymentStateMachine::nextStates(from);
        // Only TERMINATED is a dead end; nothing leads back to UNKNOWN or to itself.
        QCOMPARE(next.isEmpty(), from == S::Terminated);
        QVERIFY(!next.contains(S::Unknown));
        QVERIFY(!next.contains(from));
        // Every live state can be given up.
        if (from != S::Terminated && from != S::Unknown)
            QVERIFY2(next.contains(S::Terminated), qPrintable(toString(from)));
        for (const DeploymentState to : kAllStates)
            QCOMPARE(DeploymentStateMachine::canTransition(from, to), next.contains(to));
    }
    // Every state is reachable from UNKNOWN, and TERMINATED from every state.
    QSet<DeploymentState> reached{S::Unknown};
    QList<DeploymentState> queue{S::Unknown};
    while (!queue.isEmpty()) {
        const DeploymentState state = queue.takeFirst();
        const QList<DeploymentState> next = DeploymentStateMachine::nextStates(state);
        for (const DeploymentState to : next) {
            if (!reached.contains(to)) {
                reached.insert(to);
                queue.append(to);
            }
        }
    }
    QCOMPARE(reached.size(), kAllStates.size());
}

void tst_DeploymentStateMachine::stateNames()
{
    for (const DeploymentState state : kAllStates)
        QCOMPARE(toString(enumFromString<DeploymentState>(toString(state))), toString(state));
    QCOMPARE(toString(S::InDeployment), QStringLiteral("in_deployment"));
    QCOMPARE(toString(enumFromString<DeploymentState>(QStringLiteral("DEPLOYED"))),
             toString(S::Deployed));
    QCOMPARE(toString(enumFromString<DeploymentState>(QStringLiteral("exploded"))),
             toString(S::Unknown));
}

QTEST_GUILESS_MAIN(tst_DeploymentStateMachine)

#include "tst_deploymentstatemachine.moc"
