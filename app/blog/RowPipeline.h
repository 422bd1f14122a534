#pragma once

#include "blog/RowBatch.h"
#include "core/Result.h"

#include <functional>
#include <vector>

namespace quarry {

// Generates rows on a worker thread while the calling thread inserts them: making up text costs about as much
// as SQLite's insert, and on two cores the two halves overlap. Batches go round a small ring in order, so
// rows are inserted exactly in the order they were produced.
//
// The worker thread only ever calls `produce`; the calling thread only `consume`. When `consume` fails the
// worker is stopped, and the error returned.
class RowPipeline {
public:
    // Fills an empty batch (until it is full or the rows run out); returns whether rows remain after it.
    using Produce = std::function<bool(RowBatch& batch)>;
    using Consume = std::function<Status(const RowBatch& batch)>;

    [[nodiscard]] static Status run(std::vector<RowBatch>& batches, const Produce& produce, const Consume& consume);
};

} // namespace quarry
