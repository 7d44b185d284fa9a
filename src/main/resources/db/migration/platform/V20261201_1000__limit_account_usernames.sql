-- issue 12: a user name is at most 64 characters, the same limit sign-in cuts a typed name to before auditing it.
ALTER TABLE accounts ADD CONSTRAINT accounts_username_length CHECK (char_length(username) BETWEEN 3 AND 64);
