-- Back to an empty schema: children first, so no foreign key points at a missing table.
DROP TABLE comments;
DROP TABLE posts;
DROP TABLE users;
