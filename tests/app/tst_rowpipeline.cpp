#include "generate/RowPipeline.h"

#include <QTest>

#include <atomic>

using namespace quarry;

// RowPipeline: rows come out in id order whatever the number of workers, each worker keeps to its own
// number, and a failing consumer stops the workers and hands back its error.
class TestRowPipeline : public QObject {
    Q_OBJECT

private slots:
    void consumesEveryRowInIdOrder_data();
    void consumesEveryRowInIdOrder();
    void failingConsumerStopsTheWorkers_data();
    void failingConsumerStopsTheWorkers();
};

namespace {

constexpr qint64 kIdsPerBatch = 16;

std::vector<RowBatch> ring(int batches)
{
    std::vector<RowBatch> result;
    for (int i = 0; i < batches; ++i)
        result.emplace_back(2, int(kIdsPerBatch), 64, 8);
    return result;
}

// Rows as the generator's profiles make them: some ids have none.
bool hasRow(qint64 id)
{
    return id % 7 != 3;
}

} // namespace

void TestRowPipeline::consumesEveryRowInIdOrder_data()
{
    QTest::addColumn<qint64>("ids");
    QTest::addColumn<int>("workers");
    for (int workers : {1, 2, 4}) {
        for (qint64 ids : {qint64(0), qint64(1), kIdsPerBatch - 1, kIdsPerBatch, kIdsPerBatch + 1, qint64(1000)})
            QTest::addRow("%lld ids, %d workers", ids, workers) << ids << workers;
    }
}

void TestRowPipeline::consumesEveryRowInIdOrder()
{
    QFETCH(qint64, ids);
    QFETCH(int, workers);
    auto batches = ring(workers + 2);
    std::atomic<int> wrongWorker = 0;
    const auto produce = [&](qint64 first, qint64 last, int worker, RowBatch& batch) {
        if (worker < 0 || worker >= workers)
            ++wrongWorker;
        for (qint64 id = first; id <= last; ++id) {
            if (!hasRow(id))
                continue;
            batch.number(id);
            batch.number(worker);
            batch.endRow();
        }
    };
    QList<qint64> consumed;
    QList<qint64> positions;
    const auto consume = [&](const RowBatch& batch) -> Status {
        for (int r = 0; r < batch.rows(); ++r)
            consumed << batch.row(r)[0].number;
        positions << batch.position();
        return {};
    };
    QVERIFY(RowPipeline::run(ids, kIdsPerBatch, workers, batches, produce, consume));

    QList<qint64> expected;
    for (qint64 id = 1; id <= ids; ++id) {
        if (hasRow(id))
            expected << id;
    }
    QCOMPARE(consumed, expected);
    QCOMPARE(wrongWorker.load(), 0);
    // One batch per run of ids, each reporting the last id of its run.
    QCOMPARE(positions.size(), qsizetype((ids + kIdsPerBatch - 1) / kIdsPerBatch));
    for (qsizetype i = 0; i < positions.size(); ++i)
        QCOMPARE(positions.at(i), std::min(ids, qint64(i + 1) * kIdsPerBatch));
}

void TestRowPipeline::failingConsumerStopsTheWorkers_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("one worker") << 1;
    QTest::newRow("two workers") << 2;
    QTest::newRow("four workers") << 4;
}

void TestRowPipeline::failingConsumerStopsTheWorkers()
{
    QFETCH(int, workers);
    const int ringSize = workers + 2;
    auto batches = ring(ringSize);
    std::atomic<int> produced = 0;
    const auto produce = [&](qint64 first, qint64 last, int, RowBatch& batch) {
        ++produced;
        for (qint64 id = first; id <= last; ++id) {
            batch.number(id);
            batch.null();
            batch.endRow();
        }
    };
    int consumed = 0;
    const auto consume = [&](const RowBatch&) -> Status {
        if (++consumed == 3)
            return Error::make(Error::Kind::Cancelled, QStringLiteral("stop here"));
        return {};
    };
    const qint64 ids = 100000 * kIdsPerBatch;
    const Status result = RowPipeline::run(ids, kIdsPerBatch, workers, batches, produce, consume);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QCOMPARE(result.error().message, QStringLiteral("stop here"));
    QCOMPARE(consumed, 3);
    // Workers never run more than a ring ahead of the consumer, and stop once it has failed.
    QVERIFY2(produced.load() <= 3 + ringSize, qPrintable(QString::number(produced.load())));
}

QTEST_GUILESS_MAIN(TestRowPipeline)
#include "tst_rowpipeline.moc"
