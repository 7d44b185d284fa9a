-- Platform: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE accounts SET username = left(username, 64), display_name = left(display_name, 50), password_hash = left(password_hash, 200), created_by = left(created_by, 100)
    WHERE char_length(username) > 64 OR char_length(display_name) > 50 OR char_length(password_hash) > 200 OR char_length(created_by) > 100;
ALTER TABLE accounts
    ADD CONSTRAINT accounts_username_len CHECK (char_length(username) <= 64),
    ADD CONSTRAINT accounts_display_name_len CHECK (char_length(display_name) <= 50),
    ADD CONSTRAINT accounts_password_hash_len CHECK (char_length(password_hash) <= 200),
    ADD CONSTRAINT accounts_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE setup_tokens SET token_hash = left(token_hash, 128)
    WHERE char_length(token_hash) > 128;
ALTER TABLE setup_tokens
    ADD CONSTRAINT setup_tokens_token_hash_len CHECK (char_length(token_hash) <= 128);
