-- v3: the lesson's Alembic example (001_add_user_profiles). One profile per user: the index the lesson
-- names is made unique, which gives the uniqueness without a second, redundant index.
CREATE TABLE user_profiles (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bio TEXT,
    avatar_url VARCHAR(255),
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE UNIQUE INDEX ix_user_profiles_user_id ON user_profiles (user_id);
