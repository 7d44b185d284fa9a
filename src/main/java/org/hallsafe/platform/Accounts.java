package org.hallsafe.platform;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and looks after accounts; other modules use it to give a staff member a way in. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final HallSafeProperties properties;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, JdbcClient jdbc, Clock clock, ActivityLog activity,
            HallSafeProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.properties = properties;
    }

    /** What other modules and pages see of an account. */
    public record AccountView(long id, long siteId, String username, String displayName, Role role, boolean enabled,
            boolean locked, boolean demo) {
    }

    @Transactional
    public long create(long siteId, String username, String displayName, Role role, String password) {
        long id = insert(siteId, username, displayName, role, password, false);
        activity.record("ACCOUNT_CREATED", "account", id, username + " " + role);
        return id;
    }

    /** Demo accounts work only while {@code hallsafe.demo} is on. */
    @Transactional
    public long createDemo(long siteId, String username, String displayName, Role role, String password) {
        return accounts.findByUsername(username).map(Account::id)
                .orElseGet(() -> insert(siteId, username, displayName, role, password, true));
    }

    private long insert(long siteId, String username, String displayName, Role role, String password, boolean demo) {
        if (role == Role.BUREAU_ADMIN && CurrentUser.find().map(u -> u.role() != Role.BUREAU_ADMIN).orElse(false)) {
            throw new org.springframework.security.access.AccessDeniedException("only the bureau's administrator makes another");
        }
        if (username == null || !username.matches("[A-Za-z0-9._-]{3,40}")) {
            throw new InvalidInputException("username", "account.username.invalid");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "account.username.taken");
        }
        String nameProblem = PlainText.Rules.problem(displayName, PlainText.NAME, false);
        if (nameProblem != null) {
            throw new InvalidInputException("displayName", nameProblem);
        }
        PasswordPolicy.problem(password, username).ifPresent(key -> {
            throw new InvalidInputException("password", key);
        });
        Account saved = accounts.save(new Account(null, siteId, username, displayName, role, passwords.encode(password),
                0, null, true, demo, clock.instant(), CurrentUser.find().map(CurrentUser::getUsername).orElse("system")));
        return saved.id();
    }

    /** Changes a password of an account in the given hall; an account of another hall is not found. */
    @Transactional
    public void changePassword(long siteId, long accountId, String password) {
        Account account = accounts.findById(accountId).filter(a -> a.siteId() == siteId).orElseThrow();
        PasswordPolicy.problem(password, account.username()).ifPresent(key -> {
            throw new InvalidInputException("password", key);
        });
        jdbc.sql("UPDATE accounts SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
                .param("hash", passwords.encode(password)).param("id", accountId).update();
        endSessions(account.username());
        activity.record("ACCOUNT_PASSWORD_CHANGED", "account", accountId, account.username());
    }

    /** Switches an account of the given hall on or off; an account of another hall is not found. */
    @Transactional
    public void setEnabled(long siteId, long accountId, boolean enabled) {
        int n = jdbc.sql("UPDATE accounts SET enabled = :enabled, failed_sign_ins = 0, locked_until = NULL WHERE id = :id AND site_id = :site")
                .param("enabled", enabled).param("id", accountId).param("site", siteId).update();
        if (n == 0) {
            throw new java.util.NoSuchElementException("account " + accountId);
        }
        if (!enabled) {
            accounts.findById(accountId).ifPresent(a -> endSessions(a.username()));
        }
        activity.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", accountId, null);
    }

    /** Ends every open session of the account: sessions live in PostgreSQL, so this reaches every node. */
    private void endSessions(String username) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name").param("name", username).update();
    }

    @Transactional(readOnly = true)
    public List<AccountView> ofSite(long siteId) {
        return accounts.findBySite(siteId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(long accountId) {
        return accounts.findById(accountId).map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findByUsername(String username) {
        return accounts.findByUsername(username).map(this::view);
    }

    private AccountView view(Account a) {
        return new AccountView(a.id(), a.siteId(), a.username(), a.displayName(), a.role(), a.enabled(),
                a.lockedAt(clock.instant()), a.demo());
    }

    /** A wrong password: counted in the database, so a second node cannot be used to go round the limit. */
    @Transactional
    void signInFailed(String username) {
        var security = properties.security();
        jdbc.sql("""
                UPDATE accounts SET
                  locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :lockUntil ELSE locked_until END,
                  failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END
                WHERE lower(username) = lower(:username)""")
                .param("max", security.maxFailedSignIns())
                .param("lockUntil", java.sql.Timestamp.from(clock.instant().plus(security.lockDuration())))
                .param("username", username)
                .update();
        signInRefused(username, "SIGN_IN_FAILED");
    }

    @Transactional
    void signInRefused(String username, String action) {
        Long siteId = accounts.findByUsername(username).map(Account::siteId).orElse(null);
        activity.record(siteId, username, action, "account", username, null);
    }

    @Transactional
    void signedIn(CurrentUser user) {
        jdbc.sql("UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = :id AND failed_sign_ins > 0")
                .param("id", user.accountId()).update();
    }

    @Transactional
    void signInAudited(CurrentUser user) {
        activity.record(user.siteId(), user.getUsername(), "SIGN_IN", "account", user.accountId(), null);
    }
}
