#include "generate/RowPipeline.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace quarry {

namespace {

// More workers than this only wait for the inserting thread.
constexpr int kMostWorkers = 4;

} // namespace

int RowPipeline::defaultWorkers()
{
    return std::clamp(int(std::thread::hardware_concurrency()), 1, kMostWorkers);
}

Status RowPipeline::run(qint64 ids, qint64 idsPerBatch, int workers, std::vector<RowBatch>& batches,
                        const Produce& produce, const Consume& consume)
{
    const qint64 runs = ids > 0 ? (ids + idsPerBatch - 1) / idsPerBatch : 0;
    const qint64 ringSize = qint64(batches.size());
    if (runs == 0 || ringSize == 0)
        return {};

    // Run r goes into batches[r % ringSize]; it may be claimed once run r - ringSize has been consumed.
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<char> filled(batches.size(), 0);
    qint64 nextClaim = 0;
    qint64 nextConsume = 0;
    bool stopping = false; // the consumer failed: produce no more

    const auto work = [&](int worker) {
        for (;;) {
            qint64 run = 0;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || nextClaim >= runs || nextClaim < nextConsume + ringSize; });
                if (stopping || nextClaim >= runs)
                    return;
                run = nextClaim++;
            }
            RowBatch& batch = batches[size_t(run % ringSize)];
            const qint64 first = run * idsPerBatch + 1;
            const qint64 last = std::min(ids, first + idsPerBatch - 1);
            batch.clear();
            produce(first, last, worker, batch);
            batch.setPosition(last);
            {
                std::lock_guard lock(mutex);
                filled[size_t(run % ringSize)] = 1;
            }
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    const int count = int(std::clamp<qint64>(workers, 1, runs));
    threads.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        try {
            threads.emplace_back(work, i);
        } catch (const std::system_error&) {
            break; // no thread to spare: runs are claimed, not assigned, so the workers started do them all
        }
    }
    if (threads.empty())
        return Error::make(Error::Kind::Io, QStringLiteral("Cannot start a thread to write the rows."));

    Status result;
    for (qint64 run = 0; run < runs && result; ++run) {
        const size_t slot = size_t(run % ringSize);
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return filled[slot] != 0; });
        }
        result = consume(batches[slot]);
        {
            std::lock_guard lock(mutex);
            filled[slot] = 0;
            nextConsume = run + 1;
            if (!result)
                stopping = true;
        }
        changed.notify_all();
    }
    for (std::thread& thread : threads)
        thread.join();
    return result;
}

} // namespace quarry
