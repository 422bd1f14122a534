#pragma once

#include "generate/TextBuffer.h"

#include <algorithm>
#include <vector>

namespace quarry {

// Rows waiting to be inserted, built in place: text values are written into one arena and referred to by
// pointer, numbers are kept as they are. Reused batch after batch, so generating a row allocates nothing.
class RowBatch {
public:
    struct Cell {
        const char* text; // nullptr for a number or NULL
        int size;         // -1 for NULL
        qint64 number;
    };

    // Room for `rows` rows of `columns` values, their text in an arena of `arenaBytes`; the batch counts as
    // full when a row of `rowBytes` (the most text one row can hold) might no longer fit.
    RowBatch(int columns, int rows, qsizetype arenaBytes, qsizetype rowBytes)
        : m_columns(columns)
        , m_capacity(rows)
        , m_rowBytes(rowBytes)
        , m_arena(size_t(std::max(arenaBytes, rowBytes)))
        , m_cells(size_t(columns * rows))
    {
    }

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    bool isEmpty() const { return m_rows == 0; }
    bool isFull() const { return m_rows == m_capacity || qsizetype(m_arena.size()) - m_arenaUsed < m_rowBytes; }
    const Cell* row(int index) const { return m_cells.data() + size_t(index * m_columns); }

    // A buffer for the next text value, at most `capacity` bytes; pass it to commitText() when written.
    TextBuffer text(qsizetype capacity)
    {
        return TextBuffer(m_arena.data() + m_arenaUsed,
                          std::min<qsizetype>(capacity, qsizetype(m_arena.size()) - m_arenaUsed));
    }
    void commitText(const TextBuffer& text)
    {
        m_cells[size_t(m_cellCount++)] = Cell{text.data(), int(text.size()), 0};
        m_arenaUsed += text.size();
    }
    void number(qint64 value) { m_cells[size_t(m_cellCount++)] = Cell{nullptr, 0, value}; }
    void null() { m_cells[size_t(m_cellCount++)] = Cell{nullptr, -1, 0}; }
    void endRow() { ++m_rows; }
    // How far the producer had got (an id) when it handed the batch over: progress for batches that skip ids.
    qint64 position() const { return m_position; }
    void setPosition(qint64 position) { m_position = position; }
    void clear()
    {
        m_rows = 0;
        m_cellCount = 0;
        m_arenaUsed = 0;
    }

private:
    int m_columns;
    int m_rows = 0;
    int m_capacity;
    qsizetype m_rowBytes;
    std::vector<char> m_arena;
    qsizetype m_arenaUsed = 0;
    std::vector<Cell> m_cells;
    int m_cellCount = 0;
    qint64 m_position = 0;
};

} // namespace quarry
