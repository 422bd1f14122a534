#include "blog/RowPipeline.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace quarry {

Status RowPipeline::run(std::vector<RowBatch>& batches, const Produce& produce, const Consume& consume)
{
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<RowBatch*> empty;
    std::deque<RowBatch*> filled;
    bool produced = false; // the worker has handed over its last batch
    bool stopping = false; // the consumer failed: produce no more
    for (RowBatch& batch : batches)
        empty.push_back(&batch);

    // Runs on the worker thread; touches the batches only between taking one from `empty` and handing it over.
    std::thread worker([&] {
        bool more = true;
        while (more) {
            RowBatch* batch = nullptr;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || !empty.empty(); });
                if (stopping)
                    break;
                batch = empty.front();
                empty.pop_front();
            }
            batch->clear();
            more = produce(*batch);
            {
                std::lock_guard lock(mutex);
                filled.push_back(batch);
            }
            changed.notify_all();
        }
        {
            std::lock_guard lock(mutex);
            produced = true;
        }
        changed.notify_all();
    });

    Status result;
    for (;;) {
        RowBatch* batch = nullptr;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return produced || !filled.empty(); });
            if (filled.empty())
                break;
            batch = filled.front();
            filled.pop_front();
        }
        if (result)
            result = consume(*batch);
        {
            std::lock_guard lock(mutex);
            empty.push_back(batch);
            if (!result)
                stopping = true;
        }
        changed.notify_all();
    }
    worker.join();
    return result;
}

} // namespace quarry
