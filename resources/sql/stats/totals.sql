-- Row counts of the blog tables: the documented {users, posts, comments}. The page works out the average
-- number of posts per user from these two counts, so every surface (table, CSV, JSON) keeps these three keys.
-- Uncorrelated scalar subqueries run once each; count(*) reads the smallest index of each table.
SELECT (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM posts) AS posts,
       (SELECT count(*) FROM comments) AS comments
