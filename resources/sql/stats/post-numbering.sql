-- Every post numbered among its author's posts, oldest first. Columns are qualified (both tables have
-- created_at) and ties on created_at are broken by id, so equal timestamps still number stably. Posts whose
-- author is NULL or no longer exists are numbered together under "(unknown author)" (u.id is NULL for all).
-- The window is partitioned by the shown author first, so its sort is already the output order: the final
-- ORDER BY repeats the window's keys and SQLite drops it, sorting the posts once instead of twice (u.id keeps a
-- user actually named "(unknown author)" apart from the unknown authors' posts). Posts are read in rowid order
-- (NOT INDEXED): left to itself the planner walks ix_posts_author_id and fetches every post row out of order,
-- several times slower than reading the table front to back.
SELECT p.title AS title,
       coalesce(u.username, '(unknown author)') AS author,
       p.created_at AS created_at,
       row_number() OVER (PARTITION BY coalesce(u.username, '(unknown author)'), u.id
                          ORDER BY p.created_at, p.id) AS post_number
FROM posts AS p NOT INDEXED
LEFT JOIN users AS u ON u.id = p.author_id
ORDER BY coalesce(u.username, '(unknown author)'), u.id, p.created_at, p.id
