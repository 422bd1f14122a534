#pragma once

// Databases for the stats tests (app and ui), built with the raw C API so that they can hold what Quarry itself
// would refuse: dangling and NULL authors, hand-set timestamps.

#include "LessonDatabases.h"
#include "TestFiles.h"
#include "blog/DemoDatabase.h"

#include <QString>

namespace quarry::test {

struct StatsFixtures {
    // The latest schema with awkward rows (foreign keys off while inserting):
    //   ann: 2 posts with the same created_at (Alpha id 1, Beta id 2), 1 comment
    //   ben: 1 post without comments (Zeta), 1 comment;  cat: nothing;  dan: 1 comment only
    //   eve: 3 posts (Delta 09:00:00, Gamma 09:00:00.5, Eps), 4 comments
    //   posts 6 (Orphan) and 8 (Eta) by missing users 99 and 98, same created_at; a comment by missing user 97
    static bool createHard(const QString& path)
    {
        if (!DemoDatabase::create(path, false))
            return false;
        return TestFiles::execSql(path, QStringLiteral(R"sql(
PRAGMA foreign_keys = OFF;
INSERT INTO users (id, username, email) VALUES (1, 'ann', 'ann@example.com'), (2, 'ben', 'ben@example.com'),
    (3, 'cat', 'cat@example.com'), (4, 'dan', 'dan@example.com'), (5, 'eve', 'eve@example.com');
INSERT INTO posts (id, title, content, author_id, created_at) VALUES
    (1, 'Alpha', 'a', 1, '2024-01-01 10:00:00'),
    (2, 'Beta', 'b', 1, '2024-01-01 10:00:00'),
    (3, 'Gamma', 'g', 5, '2024-02-01 09:00:00.5'),
    (4, 'Delta', 'd', 5, '2024-02-01 09:00:00'),
    (5, 'Eps', 'e', 5, '2024-03-01 00:00:00'),
    (6, 'Orphan', 'o', 99, '2024-01-05 00:00:00'),
    (7, 'Zeta', 'z', 2, '2024-01-01 10:00:00'),
    (8, 'Eta', 'h', 98, '2024-01-05 00:00:00');
INSERT INTO comments (content, post_id, author_id) VALUES
    ('c1', 1, 2), ('c2', 1, 5), ('c3', 3, 5), ('c4', 3, 4), ('c5', 3, 1), ('c6', 6, 5), ('c7', 5, 97), ('c8', 2, 5);
)sql"));
    }

    // The lesson's own sqlite3 database (author 999, david) plus a post and a comment whose author is NULL,
    // which only its schema allows.
    static bool createLessonWithNullAuthors(const QString& path)
    {
        return LessonDatabases::createSqlite3Lesson(path) &&
               TestFiles::execSql(
                   path,
                   QStringLiteral("INSERT INTO posts (title, content, author_id) VALUES ('Anonymous', 'x', NULL);"
                                  "INSERT INTO comments (content, post_id, author_id) VALUES ('who?', 1, NULL);"));
    }

    // Posts at times relative to now, for active-users: amy a day and a minute ago, bo 10 days ago, cy 40 days ago
    // (with a fraction of a second), dee never, eli 7 days ago plus one minute, fay 7 days ago minus one minute, and a
    // post by missing user 77 two days ago.
    static bool createRecent(const QString& path)
    {
        if (!DemoDatabase::create(path, false))
            return false;
        return TestFiles::execSql(path, QStringLiteral(R"sql(
PRAGMA foreign_keys = OFF;
INSERT INTO users (id, username, email) VALUES (1, 'amy', 'amy@example.com'), (2, 'bo', 'bo@example.com'),
    (3, 'cy', 'cy@example.com'), (4, 'dee', 'dee@example.com'), (5, 'eli', 'eli@example.com'),
    (6, 'fay', 'fay@example.com');
INSERT INTO posts (title, content, author_id, created_at) VALUES
    ('a', 'a', 1, datetime('now', '-1 days', '-60 seconds')),
    ('b', 'b', 2, datetime('now', '-10 days')),
    ('c', 'c', 3, strftime('%Y-%m-%d %H:%M:%f', 'now', '-40 days')),
    ('e', 'e', 5, strftime('%Y-%m-%d %H:%M:%f', 'now', '-7 days', '+60 seconds')),
    ('f', 'f', 6, strftime('%Y-%m-%d %H:%M:%f', 'now', '-7 days', '-60 seconds')),
    ('x', 'x', 77, datetime('now', '-2 days'));
)sql"));
    }

    // Posts around the start of the month (UTC): gil exactly at 00:00:00 on the 1st, hal half a second before
    // it ('...23:59:59.500' on the last day of the previous month), ida a second after it with a fraction.
    static bool createMonthBoundary(const QString& path)
    {
        if (!DemoDatabase::create(path, false))
            return false;
        return TestFiles::execSql(path, QStringLiteral(R"sql(
INSERT INTO users (id, username, email) VALUES (1, 'gil', 'gil@example.com'), (2, 'hal', 'hal@example.com'),
    (3, 'ida', 'ida@example.com');
INSERT INTO posts (title, content, author_id, created_at) VALUES
    ('g', 'g', 1, datetime('now', 'start of month')),
    ('h', 'h', 2, strftime('%Y-%m-%d %H:%M:%f', 'now', 'start of month', '-0.5 seconds')),
    ('i', 'i', 3, strftime('%Y-%m-%d %H:%M:%f', 'now', 'start of month', '+1.25 seconds'));
)sql"));
    }

    // `users` users named user001..; user i wrote about 600/i posts (so a few write many, most write a few, the
    // last third none) and every post has (id % 4) comments by user 1. For the dock's look at hundreds of users.
    static bool createMany(const QString& path, int users)
    {
        if (!DemoDatabase::create(path, false))
            return false;
        return TestFiles::execSql(path, QStringLiteral(R"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO users (id, username, email) SELECT i, printf('user%03d', i), printf('user%03d@example.com', i) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1 * 2 / 3),
     k(i, j) AS (SELECT i, 1 FROM n UNION ALL SELECT i, j + 1 FROM k WHERE j < 600 / i)
INSERT INTO posts (title, content, author_id, created_at)
SELECT printf('Post %d by %d', j, i), 'text', i, datetime('2024-01-01', printf('+%d hours', i * 7 + j)) FROM k;
WITH RECURSIVE c(post, j) AS (SELECT id, 1 FROM posts WHERE id % 4 > 0 UNION ALL
                              SELECT post, j + 1 FROM c WHERE j < post % 4)
INSERT INTO comments (content, post_id, author_id) SELECT 'nice', post, 1 FROM c;
)sql")
                                            .arg(users));
    }

    // `users` users named u00001.. with (id % 3) posts each (so a third have none) and one comment on every post
    // whose id is even: more rows than a panel's table holds (StatsPage::MaxRows), made in well under a second.
    static bool createManyUsers(const QString& path, int users)
    {
        if (!DemoDatabase::create(path, false))
            return false;
        return TestFiles::execSql(path, QStringLiteral(R"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO users (id, username, email) SELECT i, printf('u%05d', i), printf('u%05d@example.com', i) FROM n;
WITH RECURSIVE k(i, j) AS (SELECT id, 1 FROM users WHERE id % 3 > 0 UNION ALL
                           SELECT i, j + 1 FROM k WHERE j < i % 3)
INSERT INTO posts (title, content, author_id, created_at)
SELECT printf('Post %d, "%d"', i, j), 'text', i, datetime('2024-01-01', printf('+%d minutes', i * 3 + j)) FROM k;
INSERT INTO comments (content, post_id, author_id) SELECT 'nice', id, 1 FROM posts WHERE id % 2 = 0;
)sql")
                                            .arg(users));
    }

    // A table that never ends: `endless` ("posts" or "comments") is a view over an endless recursive CTE, every
    // row by user 1 in 2024; the other tables are real and small (alice, one post). Any panel reading the endless
    // one runs until cancelled, which is what the cancel tests need; created_at is computed so that SQLite
    // cannot settle a date comparison once for all rows.
    static bool createEndless(const QString& path, const QString& endless = QStringLiteral("posts"))
    {
        const QString posts =
            endless == QStringLiteral("posts")
                ? QStringLiteral("CREATE VIEW posts AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL "
                                 "SELECT x + 1 FROM r) SELECT x AS id, 'endless' AS title, '' AS "
                                 "content, 1 AS author_id, printf('2024-01-01 %02d:00:00', x % 24) "
                                 "AS created_at FROM r;")
                : QStringLiteral("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, content "
                                 "TEXT, author_id INTEGER, created_at TEXT);"
                                 "INSERT INTO posts VALUES (1, 'one', '', 1, '2024-01-01 00:00:00');");
        const QString comments = endless == QStringLiteral("comments")
                                     ? QStringLiteral("CREATE VIEW comments AS WITH RECURSIVE r(x) AS (SELECT 1 UNION "
                                                      "ALL SELECT x + 1 FROM r) SELECT x AS id, '' AS content, 1 AS "
                                                      "post_id, 1 AS author_id, printf('2024-01-01 %02d:00:00', x % "
                                                      "24) AS created_at FROM r;")
                                     : QStringLiteral("CREATE TABLE comments (id INTEGER PRIMARY KEY, content TEXT, "
                                                      "post_id INTEGER, author_id INTEGER, created_at TEXT);");
        return TestFiles::execSql(path, QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, "
                                                       "email TEXT);"
                                                       "INSERT INTO users VALUES (1, 'alice', 'alice@example.com');") +
                                            posts + comments);
    }
};

} // namespace quarry::test
