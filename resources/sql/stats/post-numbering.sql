-- Every post numbered among its author's posts, oldest first. Columns are qualified (both tables have
-- created_at) and ties on created_at are broken by id, so equal timestamps still number stably. Posts whose
-- author is NULL or no longer exists are numbered together under "(unknown author)" (u.id is NULL for all).
SELECT p.title AS title,
       coalesce(u.username, '(unknown author)') AS author,
       p.created_at AS created_at,
       row_number() OVER (PARTITION BY u.id ORDER BY p.created_at, p.id) AS post_number
FROM posts AS p
LEFT JOIN users AS u ON u.id = p.author_id
ORDER BY author, post_number
