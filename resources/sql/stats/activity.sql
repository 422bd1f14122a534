-- Per user: posts written, comments written, and their sum. Posts and comments are counted in separate
-- subqueries: joining users to posts and to comments in one query multiplies the two counts. Activity by an
-- author who is NULL or no longer exists is summed under one "(unknown author)" row.
-- Counts are range counts on the covering indexes ix_posts_author_id and ix_comments_author_id, with users
-- read in rowid order (NOT INDEXED) so the lookups walk those indexes in order. "LIMIT -1" (no limit) keeps
-- SQLite from flattening the subqueries into the outer query, which would copy each count subquery into
-- "total" and run it twice.
SELECT username, posts, comments, posts + comments AS total
FROM (
    SELECT u.username AS username,
           (SELECT count(*) FROM posts AS p WHERE p.author_id = u.id) AS posts,
           (SELECT count(*) FROM comments AS c WHERE c.author_id = u.id) AS comments
    FROM users AS u NOT INDEXED
    UNION ALL
    SELECT '(unknown author)', a.posts, a.comments
    FROM (SELECT (SELECT coalesce(sum(g.n), 0)
                  FROM (SELECT p.author_id, count(*) AS n FROM posts AS p GROUP BY p.author_id) AS g
                  WHERE NOT EXISTS (SELECT 1 FROM users AS u WHERE u.id = g.author_id)) AS posts,
                 (SELECT coalesce(sum(g.n), 0)
                  FROM (SELECT c.author_id, count(*) AS n FROM comments AS c GROUP BY c.author_id) AS g
                  WHERE NOT EXISTS (SELECT 1 FROM users AS u WHERE u.id = g.author_id)) AS comments
          LIMIT -1) AS a
    WHERE a.posts + a.comments > 0
    LIMIT -1
)
ORDER BY total DESC, username
