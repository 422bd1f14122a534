#include "LessonDatabases.h"

#include "TestFiles.h"

namespace quarry::test {

bool LessonDatabases::createSqlite3Lesson(const QString& path)
{
    // Verbatim from the lesson, statement by statement.
    return TestFiles::execSql(path, QStringLiteral(R"sql(
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT UNIQUE NOT NULL,
    email TEXT UNIQUE NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    author_id INTEGER,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (author_id) REFERENCES users (id)
);
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    content TEXT NOT NULL,
    post_id INTEGER,
    author_id INTEGER,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (post_id) REFERENCES posts (id),
    FOREIGN KEY (author_id) REFERENCES users (id)
);
INSERT OR IGNORE INTO users (username, email) VALUES ('alice', 'alice@example.com');
INSERT OR IGNORE INTO users (username, email) VALUES ('bob', 'bob@example.com');
INSERT OR IGNORE INTO users (username, email) VALUES ('charlie', 'charlie@example.com');
INSERT OR IGNORE INTO posts (title, content, author_id) VALUES ('Python Programming', 'Python is a great programming language.', 1);
INSERT OR IGNORE INTO posts (title, content, author_id) VALUES ('Web Development', 'Building web applications with Python.', 2);
INSERT OR IGNORE INTO posts (title, content, author_id) VALUES ('Data Science', 'Using Python for data analysis.', 1);
INSERT OR IGNORE INTO posts (title, content, author_id) VALUES ('Machine Learning', 'Introduction to ML with Python.', 3);
INSERT OR IGNORE INTO comments (content, post_id, author_id) VALUES ('Great post!', 1, 2);
INSERT OR IGNORE INTO comments (content, post_id, author_id) VALUES ('Very informative.', 1, 3);
INSERT OR IGNORE INTO comments (content, post_id, author_id) VALUES ('Thanks for sharing.', 2, 1);
INSERT OR IGNORE INTO comments (content, post_id, author_id) VALUES ('Looking forward to more.', 3, 2);
BEGIN TRANSACTION;
INSERT INTO users (username, email) VALUES ('david', 'david@example.com');
INSERT INTO posts (title, content, author_id) VALUES ('Database Design', 'Best practices for database design.', 4);
COMMIT;
INSERT INTO posts (title, content, author_id) VALUES ('Test Post', 'Content', 999);
)sql"));
}

bool LessonDatabases::createSqlAlchemyLesson(const QString& path)
{
    // The DDL SQLAlchemy emits for the lesson's models on SQLite, and the rows its functions leave behind:
    // 'Great post!' deleted again by sqlalchemy_advanced_queries(), Python posts updated.
    return TestFiles::execSql(path, QStringLiteral(R"sql(
CREATE TABLE users (
	id INTEGER NOT NULL, 
	username VARCHAR(50) NOT NULL, 
	email VARCHAR(100) NOT NULL, 
	created_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (username), 
	UNIQUE (email)
);
CREATE TABLE advanced_users (
	id INTEGER NOT NULL, 
	username VARCHAR(50) NOT NULL, 
	email VARCHAR(100) NOT NULL, 
	first_name VARCHAR(50), 
	last_name VARCHAR(50), 
	created_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (username), 
	UNIQUE (email)
);
CREATE INDEX idx_username ON advanced_users (username);
CREATE INDEX idx_email ON advanced_users (email);
CREATE TABLE posts (
	id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	content TEXT NOT NULL, 
	author_id INTEGER NOT NULL, 
	created_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(author_id) REFERENCES users (id)
);
CREATE TABLE comments (
	id INTEGER NOT NULL, 
	content TEXT NOT NULL, 
	post_id INTEGER NOT NULL, 
	author_id INTEGER NOT NULL, 
	created_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(post_id) REFERENCES posts (id), 
	FOREIGN KEY(author_id) REFERENCES users (id)
);
INSERT INTO users (username, email, created_at) VALUES ('alice', 'alice@example.com', '2024-03-01 09:15:02.123456');
INSERT INTO users (username, email, created_at) VALUES ('bob', 'bob@example.com', '2024-03-01 09:15:02.124001');
INSERT INTO posts (title, content, author_id, created_at) VALUES ('Python Basics', 'Introduction to Python programming. [Updated]', 1, '2024-03-01 09:15:02.200000');
INSERT INTO posts (title, content, author_id, created_at) VALUES ('Web Development', 'Building web apps with Flask.', 2, '2024-03-01 09:15:02.200100');
INSERT INTO users (username, email, created_at) VALUES ('repository_user', 'repo@example.com', '2024-03-01 09:15:03.000001');
INSERT INTO users (username, email, created_at) VALUES ('user_100', 'user100@example.com', '2024-03-01 09:15:03.5');
INSERT INTO users (username, email, created_at) VALUES ('user_101', 'user101@example.com', '2024-03-01 09:15:03.5');
INSERT INTO comments (content, post_id, author_id, created_at) VALUES ('Nice intro', 1, 2, '2024-03-02 10:00:00');
INSERT INTO advanced_users (username, email, first_name, last_name, created_at) VALUES ('john_doe', 'john.doe@example.com', 'John', 'Doe', '2024-03-01 09:15:04.000000');
)sql"));
}

} // namespace quarry::test
