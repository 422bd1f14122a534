#pragma once

#include "core/Result.h"
#include "generate/RowBatch.h"

#include <functional>
#include <vector>

namespace quarry {

// Generates rows on worker threads while the calling thread inserts them. At 1M posts (16 KB pages) making up
// the text took 1.4 s against 0.5 s of inserting, so a single worker left SQLite waiting most of the time;
// with the leaner ProseWriter it is still about as much as the insert (0.5 s), so one worker per core keeps
// the text ahead of SQLite even when the machine is shared.
//
// Ids are handed out in fixed runs, one run per batch, in order; batches go round a ring and are consumed
// strictly in the order of their runs, so rows are inserted exactly in id order whichever worker wrote them.
// Workers only ever call `produce`, the calling thread only `consume`. When `consume` fails the workers stop
// after the batch they are writing, and the error is returned.
class RowPipeline {
public:
    // Writes the rows for ids first..last (inclusive) into an empty batch. `worker` (0 .. workers - 1) names
    // the thread, so it can use state of its own.
    using Produce = std::function<void(qint64 first, qint64 last, int worker, RowBatch& batch)>;
    using Consume = std::function<Status(const RowBatch& batch)>;

    // Workers for this machine: one per core, at least one.
    static int defaultWorkers();

    // Ids 1..ids in runs of `idsPerBatch`; every batch must hold a whole run. `batches` should number more
    // than `workers` so that the workers can write while the calling thread inserts.
    [[nodiscard]] static Status run(qint64 ids, qint64 idsPerBatch, int workers, std::vector<RowBatch>& batches,
                                    const Produce& produce, const Consume& consume);
};

} // namespace quarry
