-- v2: the lesson's AdvancedUser fields. The full name is derived (first || ' ' || last, else the username),
-- never stored.
ALTER TABLE users ADD COLUMN first_name TEXT;
ALTER TABLE users ADD COLUMN last_name TEXT;
