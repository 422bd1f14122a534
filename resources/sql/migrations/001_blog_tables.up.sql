-- v1: the lesson's users, posts and comments, with the constraints the lesson meant to have.
-- Foreign keys are NOT NULL and cascade on delete (the ORM's cascade="all, delete-orphan"), and every
-- foreign key and created_at is indexed. created_at keeps the lesson's TIMESTAMP type so that values copied
-- from a lesson database keep their exact storage class.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    content TEXT NOT NULL,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_users_created_at ON users (created_at);
CREATE INDEX ix_posts_author_id ON posts (author_id);
CREATE INDEX ix_posts_created_at ON posts (created_at);
CREATE INDEX ix_comments_post_id ON comments (post_id);
CREATE INDEX ix_comments_author_id ON comments (author_id);
CREATE INDEX ix_comments_created_at ON comments (created_at);
