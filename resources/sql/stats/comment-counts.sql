-- Every post with its author and its number of comments, posts without comments included (0). A post whose
-- author is NULL or no longer exists shows "(unknown author)". Counts are range counts on the covering index
-- ix_comments_post_id. Posts are read in rowid order (NOT INDEXED): left to itself the planner walks
-- ix_posts_author_id and then fetches every post row out of order, about twice as slow on 10M posts.
-- Ties are ordered by title, author and finally id, so the order is the same on every run.
SELECT p.title AS title,
       coalesce(u.username, '(unknown author)') AS author,
       (SELECT count(*) FROM comments AS c WHERE c.post_id = p.id) AS comment_count
FROM posts AS p NOT INDEXED
LEFT JOIN users AS u ON u.id = p.author_id
ORDER BY comment_count DESC, title, author, p.id
