-- Users who posted since a moment given as a datetime() modifier relative to now (UTC), bound to the
-- parameter named "since": '-30 days' for the last 30 days, 'start of month' for this month.
-- created_at holds UTC text written by CURRENT_TIMESTAMP ('YYYY-MM-DD HH:MM:SS', sometimes with a fraction).
-- The bare column is compared with >= so the search is a range on ix_posts_created_at, and text order is
-- time order: a fraction sorts after its whole second, as it should (wrapping the column in datetime() would
-- drop the fraction and the index; date() instead of datetime() would widen the start to midnight).
-- A recent post whose author is NULL or no longer exists adds one "(unknown author)" row.
SELECT u.username AS username, u.email AS email
FROM users AS u
WHERE u.id IN (SELECT p.author_id FROM posts AS p WHERE p.created_at >= datetime('now', :since))
UNION ALL
SELECT '(unknown author)', NULL
WHERE EXISTS (SELECT 1
              FROM posts AS p
              WHERE p.created_at >= datetime('now', :since)
                AND NOT EXISTS (SELECT 1 FROM users AS u WHERE u.id = p.author_id))
ORDER BY username
