#include "models/EventFilterProxyModel.h"
#include "models/EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Gui;

namespace {
Event makeEvent(qint64 sequence, const QString &type, const QString &message,
                EventSeverity severity = EventSeverity::Info, const QString &subject = {})
{
    Event event;
    event.sequence = sequence;
    event.type = type;
    event.timestampMs = 1'700'000'000'000 + sequence * 1000;
    event.severity = severity;
    event.source = QStringLiteral("plugin:simulator");
    event.subjectId = subject;
    event.message = message;
    return event;
}

QList<Event> makeEvents(qint64 first, int count, const QString &type = QStringLiteral("General.Information"))
{
    QList<Event> events;
    for (int i = 0; i < count; ++i)
        events.append(makeEvent(first + i, type, QStringLiteral("event %1").arg(first + i)));
    return events;
}
} // namespace

class tst_EventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void appendsInOneBatch()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendEvents(makeEvents(1, 25));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(model.columnCount(), int(EventLogModel::ColumnCount));
        QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), QStringLiteral("event 1"));
        QCOMPARE(model.index(24, 0).data(EventLogModel::SequenceRole).toLongLong(), 25);
        QCOMPARE(model.index(3, 0).data(EventLogModel::CategoryRole).toString(), QStringLiteral("General"));
        QCOMPARE(model.index(3, 0).data(EventLogModel::SeverityRole).toInt(), int(EventSeverity::Info));
        QVERIFY(model.roleNames().contains(EventLogModel::SequenceRole));
        QVERIFY(EventLogModel::SequenceRole == Qt::UserRole + 1);
    }

    void capDropsOldest()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(100);
        model.appendEvents(makeEvents(1, 80));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.appendEvents(makeEvents(81, 50));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 31);
        QCOMPARE(model.index(99, 0).data(EventLogModel::SequenceRole).toLongLong(), 130);

        // A batch larger than the cap keeps only its newest rows.
        model.appendEvents(makeEvents(1000, 250));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 1150);
        QCOMPARE(model.index(99, 0).data(EventLogModel::SequenceRole).toLongLong(), 1249);

        model.setCapacity(10);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 1240);
    }

    void defaultCapIsTenThousand()
    {
        EventLogModel model;
        QCOMPARE(model.capacity(), 10000);
        model.appendEvents(makeEvents(1, 10500));
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 501);
    }

    void queuedEventsArriveAsOneInsert()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 20; ++i)
            model.queueEvents({makeEvent(i + 1, QStringLiteral("Resources.Status"), QStringLiteral("tick"))});
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(), 20);
        QCOMPARE(inserted.size(), 1);
    }

    void filtersByTextCategoryAndSeverity()
    {
        EventLogModel model;
        EventFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEvents({
            makeEvent(1, QStringLiteral("General.Information"), QStringLiteral("simulator started")),
            makeEvent(2, QStringLiteral("Resources.Status"), QStringLiteral("node hot"), EventSeverity::Warning, QStringLiteral("hpc-bol-07")),
            makeEvent(3, QStringLiteral("Operator.Action"), QStringLiteral("drained"), EventSeverity::Info, QStringLiteral("edge-ath-01")),
            makeEvent(4, QStringLiteral("Simulator.Fault"), QStringLiteral("switch degraded"), EventSeverity::Error, QStringLiteral("sw-core-2")),
        });
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setTextFilter(QStringLiteral("HPC-BOL"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(EventLogModel::SequenceRole).toLongLong(), 2);
        proxy.setTextFilter({});
        proxy.setCategory(QStringLiteral("Operator"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, EventLogModel::SubjectColumn).data().toString(), QStringLiteral("edge-ath-01"));
        proxy.setCategory({});
        proxy.setMinimumSeverity(int(EventSeverity::Warning));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setMinimumSeverity(0);
        proxy.setCategory(QStringLiteral("Simulator"));
        proxy.setTextFilter(QStringLiteral("degraded"));
        QCOMPARE(proxy.rowCount(), 1);
        // New rows are filtered as they arrive.
        model.appendEvents({makeEvent(5, QStringLiteral("Simulator.Fault"), QStringLiteral("link degraded"))});
        QCOMPARE(proxy.rowCount(), 2);
        model.appendEvents({makeEvent(6, QStringLiteral("General.Information"), QStringLiteral("degraded but general"))});
        QCOMPARE(proxy.rowCount(), 2);
    }

    void clearResets()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEvents(makeEvents(1, 5));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
