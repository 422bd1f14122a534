#pragma once

#include "models/TableInfo.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <optional>

struct sqlite3;

namespace quarry {

// One row a foreign key may point at: its key and what people call it.
struct KeyMatch {
    QVariant key;
    QString display;
};
using KeyMatches = QList<KeyMatch>;

// Finds rows of a parent table by what a person types, for the foreign-key picker: the key itself when the
// text is a number, then display values that start with the text (an index range when the column is
// indexed), then ones that contain it, at most `limit` in all. Never loads the whole table. Runs on its own
// thread and connection; a newer search interrupts an older one.
class KeySearch : public QThread {
    Q_OBJECT
public:
    KeySearch(QString path, ForeignKeyInfo key, int limit = 20, QObject* parent = nullptr);
    ~KeySearch() override;

    // Called on the GUI thread; the answer comes as found(generation, ...).
    void search(quint64 generation, const QString& text);

signals:
    void found(quint64 generation, const quarry::KeyMatches& matches);

protected:
    void run() override;

private:
    QString m_path;
    ForeignKeyInfo m_key;
    int m_limit;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::optional<std::pair<quint64, QString>> m_request;
    bool m_stopping = false;
    std::atomic<sqlite3*> m_handle = nullptr;
};

} // namespace quarry

Q_DECLARE_METATYPE(quarry::KeyMatches)
