package org.hallsafe.platform;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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
    private final ObjectProvider<HallNames> hallNames;
    private final LiveUpdates liveUpdates;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, JdbcClient jdbc, Clock clock, ActivityLog activity,
            HallSafeProperties properties, ObjectProvider<HallNames> hallNames, LiveUpdates liveUpdates) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.properties = properties;
        this.hallNames = hallNames;
        this.liveUpdates = liveUpdates;
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

    /**
     * An account whose password its person chooses through a one-time sign-in link ({@link SignInLinks}): until then
     * no password opens it (issue 16, item 8: accounts made in bulk, not typed in by the administrator).
     */
    @Transactional
    public long createAwaitingPassword(long siteId, String username, String displayName, Role role) {
        long id = insert(siteId, username, displayName, role, null, false);
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
        // nobody gives a role equal to or above their own, nor an account in another hall (the bureau's may)
        CurrentUser.find().ifPresent(actor -> {
            if (!actor.role().mayManage(role) || actor.role() != Role.BUREAU_ADMIN && actor.siteId() != siteId) {
                throw new AccessDeniedException("a " + actor.role() + " may not give the role " + role);
            }
        });
        if (username == null || !username.matches("[A-Za-z0-9._-]{3," + SignInNames.MAX_LENGTH + "}")) {
            throw new InvalidInputException("username", "account.username.invalid");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "account.username.taken");
        }
        String nameProblem = PlainText.Rules.problem(displayName, PlainText.NAME, false);
        if (nameProblem != null) {
            throw new InvalidInputException("displayName", nameProblem);
        }
        String hash;
        if (password == null) {
            hash = unusableHash();
        } else {
            checkPassword(siteId, username, password, demo);
            hash = passwords.encode(password);
        }
        Account saved = accounts.save(new Account(null, siteId, username, displayName, role, hash,
                0, null, true, demo, clock.instant(), SignedIn.actor()));
        return saved.id();
    }

    /** Changes a password of an account in the given hall; an account of another hall is not found. */
    @Transactional
    public void changePassword(long siteId, long accountId, String password) {
        Account account = accounts.findById(accountId).filter(a -> a.siteId() == siteId)
                .orElseThrow(() -> NotFoundException.of("account", accountId));
        if (!mayChange(account.id(), account.siteId(), account.role(), true)) {
            throw new AccessDeniedException("account " + accountId + " is not of a lower rank");
        }
        checkPassword(siteId, account.username(), password, account.demo());
        jdbc.sql("UPDATE accounts SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
                .param("hash", passwords.encode(password)).param("id", accountId).update();
        endSessions(account.id(), account.username());
        activity.record("ACCOUNT_PASSWORD_CHANGED", "account", accountId, account.username());
    }

    /**
     * The password chosen through a one-time sign-in link: the link is the authority, so no signed-in person is
     * checked; the password policy is. Unlocks the account and ends its sessions.
     */
    void setPasswordFromLink(long accountId, String password) {
        Account account = accounts.findById(accountId).orElseThrow(() -> NotFoundException.of("account", accountId));
        checkPassword(account.siteId(), account.username(), password, account.demo());
        jdbc.sql("UPDATE accounts SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
                .param("hash", passwords.encode(password)).param("id", accountId).update();
        endSessions(account.id(), account.username());
        activity.record(account.siteId(), account.username(), "ACCOUNT_PASSWORD_CHOSEN", "account", accountId,
                account.username());
    }

    /**
     * A BCrypt-shaped hash of no password: random where the salt and digest go, so no password ever matches it, and
     * checked at the same cost as a real one (a sign-in attempt takes as long as for any account). Made without
     * hashing, so an import of hundreds of accounts does not spend a BCrypt round on each.
     */
    private String unusableHash() {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder hash = new StringBuilder("{bcrypt}$2a$")
                .append(String.format("%02d", properties.security().passwordStrength())).append('$');
        for (int i = 0; i < 53; i++) {
            hash.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return hash.toString();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Switches an account of the given hall on or off; an account of another hall is not found. */
    @Transactional
    public void setEnabled(long siteId, long accountId, boolean enabled) {
        Account account = accounts.findById(accountId).filter(a -> a.siteId() == siteId)
                .orElseThrow(() -> NotFoundException.of("account", accountId));
        if (!mayChange(account.id(), account.siteId(), account.role(), false)) {
            throw new AccessDeniedException("account " + accountId + " is not of a lower rank");
        }
        int n = jdbc.sql("UPDATE accounts SET enabled = :enabled, failed_sign_ins = 0, locked_until = NULL WHERE id = :id AND site_id = :site")
                .param("enabled", enabled).param("id", accountId).param("site", siteId).update();
        if (n == 0) {
            throw NotFoundException.of("account", accountId);
        }
        if (!enabled) {
            endSessions(account.id(), account.username());
        }
        activity.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", accountId, null);
    }

    /**
     * Whether the signed-in person may change the account: only one of a strictly lower rank in their own hall (the
     * bureau's administrator may change any, and is changed only by one of their own); their own password, too.
     * Without a signed-in person (start-up, jobs) the caller is the system.
     */
    private static boolean mayChange(long id, long siteId, Role role, boolean passwordOnly) {
        return CurrentUser.find().map(actor -> actor.accountId() == id
                ? passwordOnly
                : actor.role().mayManage(role) && (actor.role() == Role.BUREAU_ADMIN || actor.siteId() == siteId))
                .orElse(true);
    }

    /** Whether the signed-in person may change the account; the accounts page offers its buttons only then. */
    boolean mayChange(AccountView target, boolean passwordOnly) {
        return mayChange(target.id(), target.siteId(), target.role(), passwordOnly);
    }

    private void checkPassword(long siteId, String username, String password, boolean demoAccount) {
        List<String> names = hallNames.stream().flatMap(h -> h.of(siteId).stream()).toList();
        PasswordPolicy.problem(password, username, names, properties.demo() || demoAccount)
                .ifPresent(key -> {
                    throw new InvalidInputException("password", key);
                });
    }

    /**
     * Ends every open session of the account: sessions live in PostgreSQL, so this reaches every node; and its open
     * live-update streams, through a NOTIFY every node hears.
     */
    private void endSessions(long accountId, String username) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name").param("name", username).update();
        liveUpdates.endAccount(accountId);
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

    /** A sign-in attempt, reserved before its password is checked: its number since the last success, and the lock it set. */
    record Attempt(int number, java.sql.Timestamp lockSet) {
    }

    /**
     * Reserves one password check, in one statement so that any number of parallel attempts on any number of nodes
     * check at most {@code max-failed-sign-ins} passwords per lock period: the attempt that reaches the maximum locks
     * the account at once, before its password is known, and an attempt finding the account locked is refused
     * without a check. Empty when refused. Runs outside any transaction, so every node sees the count at once.
     */
    Optional<Attempt> reserveSignIn(long accountId) {
        var security = properties.security();
        return jdbc.sql("""
                UPDATE accounts SET
                  failed_sign_ins = CASE WHEN locked_until <= :now THEN 1 ELSE failed_sign_ins + 1 END,
                  locked_until = CASE WHEN (CASE WHEN locked_until <= :now THEN 1 ELSE failed_sign_ins + 1 END) >= :max
                                      THEN CAST(:lockUntil AS timestamptz) END
                WHERE id = :id AND (locked_until <= :now OR locked_until IS NULL AND failed_sign_ins < :max)
                RETURNING failed_sign_ins, locked_until""")
                .param("id", accountId)
                .param("max", security.maxFailedSignIns())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("lockUntil", java.sql.Timestamp.from(clock.instant().plus(security.lockDuration())))
                .query((rs, n) -> new Attempt(rs.getInt("failed_sign_ins"), rs.getTimestamp("locked_until")))
                .optional();
    }

    /**
     * The reserved attempt had the right password: the count starts again, but a lock that another attempt set
     * meanwhile stays (a success never clears a lock); only the lock this very attempt set is lifted.
     */
    void signInSucceeded(long accountId, Attempt attempt) {
        if (attempt.lockSet() == null) {
            jdbc.sql("UPDATE accounts SET failed_sign_ins = 0 WHERE id = :id AND locked_until IS NULL")
                    .param("id", accountId).update();
        } else {
            jdbc.sql("UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = :id AND locked_until = :mine")
                    .param("id", accountId).param("mine", attempt.lockSet()).update();
        }
    }

    /**
     * Whether the account is locked by a lock older than {@code recent}: a younger one, attempts still running may
     * lift (the attempt that set it lifts it when its password was right), and no lock at all may be tried again.
     */
    boolean lockedLongerThan(long accountId, java.time.Duration recent) {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE id = :id AND locked_until > :now AND locked_until <= :since")
                .param("id", accountId).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("since", java.sql.Timestamp.from(clock.instant().minus(recent).plus(properties.security().lockDuration())))
                .query(Integer.class).single() > 0;
    }

    /** Whether the account is locked now, read afresh: a remembered password must not open a locked account. */
    boolean lockedNow(long accountId) {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE id = :id AND locked_until > :now")
                .param("id", accountId).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Integer.class).single() > 0;
    }

    /** A wrong password (or an unknown user name): the attempt was counted when it was reserved; here it is audited. */
    @Transactional
    void signInFailed(String typedName) {
        signInRefused(typedName, "SIGN_IN_FAILED");
    }

    /**
     * Audits a refused sign-in with what was typed, cut to the longest possible user name, so a stranger's megabytes
     * never reach the database. A name that is no account's is recorded for no hall: only the bureau sees it.
     */
    @Transactional
    void signInRefused(String typedName, String action) {
        String name = SignInNames.capped(typedName);
        Long siteId = SignInNames.possible(typedName)
                ? accounts.findByUsername(typedName).map(Account::siteId).orElse(null) : null;
        String summary = name.endsWith(SignInNames.CUT_MARKER) ? "user name of " + typedName.length() + " characters" : null;
        activity.record(siteId, name, action, "account", name, summary);
    }

    @Transactional
    void signInAudited(CurrentUser user) {
        activity.record(user.siteId(), user.getUsername(), "SIGN_IN", "account", user.accountId(), null);
    }
}
