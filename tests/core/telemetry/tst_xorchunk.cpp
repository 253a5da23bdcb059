#include "telemetry/XorChunk.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Continuo;

namespace {

QList<Sample> roundTrip(const QList<Sample> &input)
{
    XorChunk chunk;
    for (const Sample &s : input) {
        const auto appended = chunk.append(s.timestampMs, s.value);
        if (!appended)
            qFatal("append failed: %s", qPrintable(appended.error()));
    }
    auto decoded = decodeXorChunk(chunk.bytes());
    if (!decoded)
        qFatal("decode failed: %s", qPrintable(decoded.error()));
    return *decoded;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}

} // namespace

class tst_XorChunk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void specialValuesKeepTheirBits();
    void rejectsNonIncreasingTimestamps();
    void emptyChunk();
    void sealPolicy();
    void compressesRegularData();
    void truncatedInputFailsCleanly();
    void randomBytesDecodeSafely();
    void multiColumnRoundTrip();
    void iteratorMatchesDecode();
};

void tst_XorChunk::roundTrip_data()
{
    QTest::addColumn<QList<Sample>>("samples");

    QRandomGenerator rng(42);
    const qint64 t0 = 1'700'000'000'000;

    QList<Sample> walk;
    double v = 100.0;
    for (int i = 0; i < 120; ++i) {
        v += rng.generateDouble() - 0.5;
        walk.append({t0 + i * 15'000, v});
    }
    QTest::newRow("random walk, regular 15 s") << walk;

    QList<Sample> jitter;
    qint64 t = t0;
    for (int i = 0; i < 120; ++i) {
        t += 10'000 + qint64(rng.bounded(41)) - 20;
        jitter.append({t, rng.generateDouble() * 1e6});
    }
    QTest::newRow("jittered 10 s, noisy values") << jitter;

    QList<Sample> constant;
    for (int i = 0; i < 120; ++i)
        constant.append({t0 + i * 1000, 42.0});
    QTest::newRow("constant") << constant;

    QList<Sample> counter;
    double c = 0;
    for (int i = 0; i < 120; ++i) {
        c += double(rng.bounded(5000));
        counter.append({t0 + i * 15'000, c});
    }
    QTest::newRow("integer counter") << counter;

    QList<Sample> gaps{{t0, 1.0},
                       {t0 + 1, 2.0},
                       {t0 + 2, 3.0},
                       {t0 + 100, 4.0},
                       {t0 + 9'000, 5.0},
                       {t0 + 600'000, 6.0},
                       {t0 + 86'400'000LL * 30, 7.0},
                       {t0 + 86'400'000LL * 30 + 1, 8.0},
                       {t0 + 86'400'000LL * 400, -9.5}};
    QTest::newRow("large and tiny gaps (every bucket)") << gaps;

    QList<Sample> extremes{{std::numeric_limits<qint64>::min() / 4, 0.0},
                           {0, -0.0},
                           {std::numeric_limits<qint64>::max() / 4, 1e308}};
    QTest::newRow("extreme timestamps") << extremes;

    QTest::newRow("one sample") << QList<Sample>{{-5, 3.25}};
    QTest::newRow("two samples") << QList<Sample>{{t0, 1.0}, {t0 + 60'000, 2.0}};

    QList<Sample> full;
    for (int i = 0; i < XorChunk::MaxSamples; ++i)
        full.append({qint64(i), double(i % 7)});
    QTest::newRow("65535 samples") << full;
}

void tst_XorChunk::roundTrip()
{
    QFETCH(QList<Sample>, samples);
    QCOMPARE(::roundTrip(samples), samples);
}

void tst_XorChunk::specialValuesKeepTheirBits()
{
    const QList<double> values{std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::infinity(),
                               -std::numeric_limits<double>::infinity(),
                               0.0,
                               -0.0,
                               std::numeric_limits<double>::denorm_min(),
                               std::numeric_limits<double>::max(),
                               std::numeric_limits<double>::lowest(),
                               std::bit_cast<double>(quint64(0x7ff0000000000002)), // Prometheus stale NaN
                               std::numeric_limits<double>::quiet_NaN(),
                               1.0};
    QList<Sample> samples;
    for (int i = 0; i < values.size(); ++i)
        samples.append({1000 + i, values[i]});
    const QList<Sample> decoded = ::roundTrip(samples);
    QCOMPARE(decoded.size(), samples.size());
    for (int i = 0; i < values.size(); ++i) {
        QCOMPARE(decoded[i].timestampMs, samples[i].timestampMs);
        QVERIFY2(sameBits(decoded[i].value, values[i]), qPrintable(QString::number(i)));
    }
}

void tst_XorChunk::rejectsNonIncreasingTimestamps()
{
    XorChunk chunk;
    QVERIFY(chunk.append(1000, 1.0));
    QVERIFY(chunk.append(2000, 2.0));
    const auto backwards = chunk.append(1500, 3.0);
    QVERIFY(!backwards);
    QVERIFY(backwards.error().contains(QStringLiteral("1500")));
    QVERIFY(!chunk.append(2000, 3.0)); // equal is not after
    QCOMPARE(chunk.sampleCount(), 2);
    QVERIFY(chunk.append(2001, 3.0));
    const auto decoded = decodeXorChunk(chunk.bytes());
    QVERIFY(decoded);
    QCOMPARE(decoded->size(), 3);
    QCOMPARE(decoded->last(), (Sample{2001, 3.0}));
}

void tst_XorChunk::emptyChunk()
{
    XorChunk chunk;
    QVERIFY(chunk.isEmpty());
    QCOMPARE(chunk.sizeBytes(), std::size_t(Internal::ChunkHeaderBytes));
    const auto decoded = decodeXorChunk(chunk.bytes());
    QVERIFY(decoded);
    QVERIFY(decoded->isEmpty());
}

void tst_XorChunk::sealPolicy()
{
    XorChunk chunk;
    QVERIFY(!chunk.needsCut(0));
    for (int i = 0; i < XorChunk::DefaultMaxSamples - 1; ++i)
        QVERIFY(chunk.append(i * 1000, 1.0));
    QVERIFY(!chunk.needsCut(200'000));
    QVERIFY(chunk.append(200'000, 1.0));
    QVERIFY(chunk.needsCut(201'000)); // 120 samples

    XorChunk sparse;
    QVERIFY(sparse.append(0, 1.0));
    QVERIFY(!sparse.needsCut(XorChunk::DefaultMaxSpanMs - 1));
    QVERIFY(sparse.needsCut(XorChunk::DefaultMaxSpanMs)); // two hours

    chunk.reset();
    QVERIFY(chunk.isEmpty());
    QVERIFY(chunk.append(5, 1.0)); // earlier than before the reset: a new chunk
}

void tst_XorChunk::compressesRegularData()
{
    // 120 samples every 15 s of a slowly moving integer gauge: timestamps cost ~1 bit each.
    XorChunk chunk;
    QRandomGenerator rng(7);
    double v = 4096 * 1000.0;
    for (int i = 0; i < 120; ++i) {
        if (rng.bounded(4) == 0)
            v += 4096 * double(rng.bounded(3));
        QVERIFY(chunk.append(1'700'000'000'000 + i * 15'000, v));
    }
    const double bytesPerSample = double(chunk.sizeBytes()) / 120;
    QVERIFY2(bytesPerSample < 1.5, qPrintable(QString::number(bytesPerSample)));

    XorChunk constant;
    for (int i = 0; i < 120; ++i)
        QVERIFY(constant.append(i * 15'000, 1.0));
    QVERIFY2(constant.sizeBytes() < 48, qPrintable(QString::number(constant.sizeBytes())));
}

void tst_XorChunk::truncatedInputFailsCleanly()
{
    XorChunk chunk;
    QRandomGenerator rng(3);
    for (int i = 0; i < 120; ++i)
        QVERIFY(chunk.append(i * 10'000 + rng.bounded(100), rng.generateDouble()));
    const QByteArray bytes = chunk.toByteArray();
    for (qsizetype size = 0; size < bytes.size() - 1; ++size) {
        // A detached copy of exactly `size` bytes, so reading past it is caught by ASan.
        const QByteArray prefix(bytes.constData(), size);
        const auto decoded = decodeXorChunk(prefix);
        if (size == 0)
            continue; // no bytes: an empty chunk
        QVERIFY2(!decoded, qPrintable(QStringLiteral("size %1 decoded").arg(size)));
        QVERIFY(!decoded.error().isEmpty());
    }
    // Wrong column count.
    QByteArray rollup = bytes;
    rollup[2] = char(4);
    QVERIFY(!decodeXorChunk(rollup));
}

void tst_XorChunk::randomBytesDecodeSafely()
{
    QRandomGenerator rng(1234);
    int failures = 0;
    for (int round = 0; round < 20'000; ++round) {
        QByteArray bytes(qsizetype(rng.bounded(64)), Qt::Uninitialized);
        for (char &b : bytes)
            b = char(rng.bounded(256));
        if (bytes.size() >= 3 && rng.bounded(2))
            bytes[2] = 1; // get past the column check half of the time
        const auto decoded = decodeXorChunk(bytes);
        if (!decoded) {
            ++failures;
            continue;
        }
        // Whatever decodes has strictly increasing timestamps.
        for (qsizetype i = 1; i < decoded->size(); ++i)
            QVERIFY(decoded->at(i).timestampMs > decoded->at(i - 1).timestampMs);
    }
    QVERIFY(failures > 0);

    // Corrupt one byte of a valid chunk: never crashes, never reads out of bounds.
    XorChunk chunk;
    for (int i = 0; i < 120; ++i)
        QVERIFY(chunk.append(i * 15'000, std::sin(i)));
    const QByteArray valid = chunk.toByteArray();
    for (int round = 0; round < 5'000; ++round) {
        QByteArray corrupt(valid.constData(), valid.size());
        corrupt[qsizetype(rng.bounded(int(corrupt.size())))] = char(rng.bounded(256));
        (void)decodeXorChunk(corrupt);
    }
}

void tst_XorChunk::multiColumnRoundTrip()
{
    RollupChunk chunk;
    QList<std::array<double, 4>> rows;
    for (int i = 0; i < 100; ++i) {
        std::array<double, 4> row{double(i), double(i) * 2.5, double(i * i), 4.0};
        rows.append(row);
        QVERIFY(chunk.append(i * 60'000, row.data()));
    }
    RollupChunkIterator it(chunk.bytes());
    int n = 0;
    while (it.next()) {
        QCOMPARE(it.timestampMs(), qint64(n) * 60'000);
        for (int c = 0; c < 4; ++c)
            QCOMPARE(it.value(c), rows[n][std::size_t(c)]);
        ++n;
    }
    QVERIFY(!it.hasError());
    QCOMPARE(n, 100);
    // A rollup chunk is not a sample chunk.
    QVERIFY(!decodeXorChunk(chunk.bytes()));
}

void tst_XorChunk::iteratorMatchesDecode()
{
    XorChunk chunk;
    for (int i = 0; i < 50; ++i)
        QVERIFY(chunk.append(i * 7, i * 0.1));
    XorChunkIterator it = chunk.iterator();
    QCOMPARE(it.sampleCount(), 50);
    int n = 0;
    while (it.next()) {
        QCOMPARE(it.sample(), (Sample{n * 7, n * 0.1}));
        ++n;
    }
    QCOMPARE(n, 50);
    QCOMPARE(chunk.minTimestampMs(), 0);
    QCOMPARE(chunk.maxTimestampMs(), 49 * 7);
    QCOMPARE(chunk.lastValue(), 49 * 0.1);
}

QTEST_GUILESS_MAIN(tst_XorChunk)
#include "tst_xorchunk.moc"
