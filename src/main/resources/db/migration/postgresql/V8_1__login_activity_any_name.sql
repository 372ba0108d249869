-- A failed sign-in with a name that is no user's is recorded too (without the name): user_id may be null.
ALTER TABLE login_activity ALTER COLUMN user_id DROP NOT NULL;
