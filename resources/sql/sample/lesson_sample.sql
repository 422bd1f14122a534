-- The lesson's sample data, exactly: 3 users, 4 posts, 4 comments, inserted in the lesson's order.
-- Rows refer to each other by username and title rather than by id, and each insert skips a row that is
-- already there, so loading twice adds nothing.
INSERT OR IGNORE INTO users (username, email) VALUES ('alice', 'alice@example.com');
INSERT OR IGNORE INTO users (username, email) VALUES ('bob', 'bob@example.com');
INSERT OR IGNORE INTO users (username, email) VALUES ('charlie', 'charlie@example.com');

INSERT INTO posts (title, content, author_id)
SELECT 'Python Programming', 'Python is a great programming language.', u.id FROM users u
WHERE u.username = 'alice' AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.title = 'Python Programming' AND p.author_id = u.id);

INSERT INTO posts (title, content, author_id)
SELECT 'Web Development', 'Building web applications with Python.', u.id FROM users u
WHERE u.username = 'bob' AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.title = 'Web Development' AND p.author_id = u.id);

INSERT INTO posts (title, content, author_id)
SELECT 'Data Science', 'Using Python for data analysis.', u.id FROM users u
WHERE u.username = 'alice' AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.title = 'Data Science' AND p.author_id = u.id);

INSERT INTO posts (title, content, author_id)
SELECT 'Machine Learning', 'Introduction to ML with Python.', u.id FROM users u
WHERE u.username = 'charlie' AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.title = 'Machine Learning' AND p.author_id = u.id);

INSERT INTO comments (content, post_id, author_id)
SELECT 'Great post!', p.id, u.id FROM posts p, users u
WHERE p.title = 'Python Programming' AND u.username = 'bob'
  AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.content = 'Great post!' AND c.post_id = p.id AND c.author_id = u.id)
ORDER BY p.id LIMIT 1;

INSERT INTO comments (content, post_id, author_id)
SELECT 'Very informative.', p.id, u.id FROM posts p, users u
WHERE p.title = 'Python Programming' AND u.username = 'charlie'
  AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.content = 'Very informative.' AND c.post_id = p.id AND c.author_id = u.id)
ORDER BY p.id LIMIT 1;

INSERT INTO comments (content, post_id, author_id)
SELECT 'Thanks for sharing.', p.id, u.id FROM posts p, users u
WHERE p.title = 'Web Development' AND u.username = 'alice'
  AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.content = 'Thanks for sharing.' AND c.post_id = p.id AND c.author_id = u.id)
ORDER BY p.id LIMIT 1;

INSERT INTO comments (content, post_id, author_id)
SELECT 'Looking forward to more.', p.id, u.id FROM posts p, users u
WHERE p.title = 'Data Science' AND u.username = 'bob'
  AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.content = 'Looking forward to more.' AND c.post_id = p.id AND c.author_id = u.id)
ORDER BY p.id LIMIT 1;
