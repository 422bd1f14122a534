#include "models/KeySearch.h"

#include "database/Connection.h"
#include "database/SqlIdentifier.h"

#include <QSqlQuery>

#include <sqlite3.h>

namespace quarry {

KeySearch::KeySearch(QString path, ForeignKeyInfo key, int limit, QObject* parent)
    : QThread(parent), m_path(std::move(path)), m_key(std::move(key)), m_limit(limit)
{
    qRegisterMetaType<quarry::KeyMatches>();
}

KeySearch::~KeySearch()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    if (sqlite3* db = m_handle.load())
        sqlite3_interrupt(db);
    m_wake.wakeOne();
    wait();
}

void KeySearch::search(quint64 generation, const QString& text)
{
    {
        QMutexLocker lock(&m_mutex);
        m_request = std::make_pair(generation, text);
    }
    if (sqlite3* db = m_handle.load())
        sqlite3_interrupt(db);
    m_wake.wakeOne();
}

void KeySearch::run()
{
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("keys")});
    if (!connection)
        return;
    m_handle = (*connection)->handle();
    const QString table = SqlIdentifier::quote(m_key.parentTable);
    const QString key = SqlIdentifier::quote(m_key.parentColumn);
    const QString display = SqlIdentifier::quote(m_key.displayColumn);
    const QString select = QStringLiteral("SELECT %1, %2 FROM %3 WHERE ").arg(key, display, table);
    // A range instead of LIKE 'x%': SQLite uses an index on the display column for it whatever its collation.
    const QString byKey = select + key + QStringLiteral(" = ? LIMIT 1");
    const QString byPrefix = select + display + QStringLiteral(" >= ? AND ") + display +
                             QStringLiteral(" < ? ORDER BY ") + display + QStringLiteral(" LIMIT ?");
    const QString byPart = select + display + QStringLiteral(" LIKE ? ESCAPE '\\' AND NOT (") + display +
                           QStringLiteral(" >= ? AND ") + display + QStringLiteral(" < ?) LIMIT ?");

    while (true) {
        std::pair<quint64, QString> request;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && !m_request)
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            request = *m_request;
            m_request.reset();
        }
        const QString text = request.second.trimmed();
        KeyMatches matches;
        auto collect = [&](QSqlQuery& query) {
            if (!query.exec())
                return;
            while (query.next() && matches.size() < m_limit) {
                const QVariant k = query.value(0);
                bool seen = false;
                for (const KeyMatch& m : matches)
                    seen = seen || m.key == k;
                if (!seen)
                    matches.append({k, query.value(1).toString()});
            }
        };
        const QSqlDatabase db = (*connection)->database();
        bool isNumber = false;
        const qlonglong number = text.toLongLong(&isNumber);
        if (isNumber) {
            QSqlQuery query(db);
            query.prepare(byKey);
            query.addBindValue(number);
            collect(query);
        }
        const QString upper = text + QChar(0xFFFF);
        {
            QSqlQuery query(db);
            query.prepare(byPrefix);
            query.addBindValue(text);
            query.addBindValue(upper);
            query.addBindValue(m_limit);
            collect(query);
        }
        if (!text.isEmpty() && matches.size() < m_limit) {
            QString pattern = text;
            pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('%'), QStringLiteral("\\%"))
                .replace(QLatin1Char('_'), QStringLiteral("\\_"));
            QSqlQuery query(db);
            query.prepare(byPart);
            query.addBindValue(QLatin1Char('%') + pattern + QLatin1Char('%'));
            query.addBindValue(text);
            query.addBindValue(upper);
            query.addBindValue(m_limit - matches.size());
            collect(query);
        }
        emit found(request.first, matches);
    }
    m_handle = nullptr;
}

} // namespace quarry
