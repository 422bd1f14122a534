-- Row counts of the blog tables and the average number of posts per user (0 when there are no users).
-- Uncorrelated scalar subqueries run once each; count(*) reads the smallest index of each table.
WITH t AS (
    SELECT (SELECT count(*) FROM users) AS users,
           (SELECT count(*) FROM posts) AS posts,
           (SELECT count(*) FROM comments) AS comments
)
SELECT users, posts, comments,
       CASE WHEN users > 0 THEN round(CAST(posts AS REAL) / users, 2) ELSE 0.0 END AS posts_per_user
FROM t
