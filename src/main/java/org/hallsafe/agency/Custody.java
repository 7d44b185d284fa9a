package org.hallsafe.agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.agency.AgencyCases.Station;
import org.hallsafe.agency.CustodyChain.Refusal;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody chain of a case's file (流转, issue #14 item 4): every handover is a row (from whom, to whom, what, how
 * many sheets, when), appended in order under a lock on the case, and confirmed by the receiver on their own account
 * or by scanning the printed transfer sheet (交接单). A step is confirmed once: the update only takes an unconfirmed row
 * of the receiver that someone else handed over, so of many confirmations at once exactly one changes it.
 */
@Service
class Custody {

    /** What changes hands. */
    enum What { MATERIALS, RESULT }

    /** One handover, names resolved for the screen. */
    record Handover(long id, long caseId, int seq, Station from, Station to, What what, int sheets, String handedBy,
            String handedByName, Instant handedAt, String toAccount, String toName, String confirmedBy,
            String confirmedByName, Instant confirmedAt) {

        boolean confirmed() {
            return confirmedBy != null;
        }
    }

    /**
     * Where a case's file is and who holds it: the station, the person (by name; null for the mail room before the
     * first handover) and, while a handover waits for its receiver, the station it is on its way to.
     */
    record Holder(Station station, String holder, Station pendingTo, String pendingName) {
    }

    /** A handover asked for on a page or through the API. */
    record HandoverForm(Station from, Station to, What what, Integer sheets,
            @org.hallsafe.platform.PlainText(max = 100) String toAccount) {
    }

    static final int MAX_SHEETS = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Accounts accounts;
    private final ActivityLog activity;
    private final CaseLog caseLog;
    private final SecureRandom random = new SecureRandom();

    Custody(JdbcClient jdbc, Clock clock, Accounts accounts, ActivityLog activity, CaseLog caseLog) {
        this.caseLog = caseLog;
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.activity = activity;
    }

    /** The case's handovers in order. */
    @Transactional(readOnly = true)
    List<Handover> chain(long siteId, long caseId) {
        Map<String, String> names = names(siteId);
        return jdbc.sql(SELECT + " WHERE site_id = :site AND case_id = :case ORDER BY seq")
                .param("site", siteId).param("case", caseId).query((rs, n) -> map(rs, names)).list();
    }

    /** One handover of the hall. */
    @Transactional(readOnly = true)
    Handover handover(long siteId, long id) {
        Map<String, String> names = names(siteId);
        return jdbc.sql(SELECT + " WHERE site_id = :site AND id = :id").param("site", siteId).param("id", id)
                .query((rs, n) -> map(rs, names)).optional().orElseThrow(() -> NotFoundException.of("handover", id));
    }

    /** Where each of these cases' files is now, for the case list's "where is the file" column. */
    @Transactional(readOnly = true)
    Map<Long, Holder> holders(long siteId, Collection<Long> caseIds) {
        Map<Long, Holder> out = new HashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        Map<String, String> names = names(siteId);
        jdbc.sql("SELECT DISTINCT ON (case_id) " + COLUMNS + " FROM agency_handovers"
                        + " WHERE site_id = :site AND case_id IN (:ids) ORDER BY case_id, seq DESC")
                .param("site", siteId).param("ids", caseIds).query((rs, n) -> map(rs, names))
                .list().forEach(h -> out.put(h.caseId(), holder(List.of(h))));
        caseIds.forEach(id -> out.putIfAbsent(id, new Holder(Station.MAIL_ROOM, null, null, null)));
        return out;
    }

    /** Where the file is when these are its handovers. */
    static Holder holder(List<Handover> chain) {
        if (chain.isEmpty()) {
            return new Holder(Station.MAIL_ROOM, null, null, null);
        }
        Handover last = chain.get(chain.size() - 1);
        return last.confirmed() ? new Holder(last.to(), last.confirmedByName(), null, null)
                : new Holder(last.from(), last.handedByName(), last.to(), last.toName());
    }

    /**
     * Hands the file on from the station that holds it to the next one; the one who hands over is the signed-in
     * person. Refused (by field) when the step is skipped, doubled, from a station that does not hold the file, before
     * the previous step is confirmed, to oneself, or to someone who may not handle agency cases.
     */
    @Transactional
    long handOver(long siteId, long caseId, HandoverForm form, String handedBy) {
        lockCase(siteId, caseId);
        List<Handover> chain = chain(siteId, caseId);
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (form.sheets() == null || form.sheets() < 1 || form.sheets() > MAX_SHEETS) {
            problems.put("sheets", "agency.chain.sheets");
        }
        String to = form.toAccount() == null ? "" : form.toAccount().strip();
        var receiver = accounts.findByUsername(to).filter(a -> a.siteId() == siteId && a.enabled()
                && a.role().permissions().contains(Permissions.AGENCY_HANDLE));
        if (receiver.isEmpty()) {
            problems.put("toAccount", "agency.chain.receiver");
        } else if (receiver.get().username().equalsIgnoreCase(handedBy)) {
            problems.put("toAccount", Refusal.SAME_PERSON.key);
        }
        Refusal refusal = form.from() == null || form.to() == null ? Refusal.SKIPPED
                : CustodyChain.refuse(chain.stream().map(h -> new CustodyChain.Step(h.from(), h.to(), h.confirmed())).toList(),
                        form.from(), form.to());
        if (refusal != null) {
            problems.put("to", refusal.key);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        What what = form.what() != null ? form.what() : form.from() == Station.RESULT ? What.RESULT : What.MATERIALS;
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO agency_handovers (site_id, case_id, seq, from_station, to_station, what, sheets, handed_by,
                                              handed_at, to_account)
                VALUES (:site, :case, :seq, :from, :to, :what, :sheets, :by, :now, :toAccount) RETURNING id""")
                .param("site", siteId).param("case", caseId).param("seq", chain.size() + 1)
                .param("from", form.from().name()).param("to", form.to().name()).param("what", what.name())
                .param("sheets", form.sheets()).param("by", handedBy).param("now", now)
                .param("toAccount", receiver.get().username()).query(Long.class).single();
        log(siteId, caseId, handedBy, "HANDED_OVER", form.from() + "→" + form.to() + " " + what + " " + form.sheets());
        activity.record("AGENCY_HANDED_OVER", "agency_case", caseId, form.from() + "→" + form.to());
        return id;
    }

    /**
     * The receiver confirms a step on their own account. Exactly one confirmation changes a step: the update takes
     * only a row still unconfirmed, meant for this person and handed over by someone else.
     */
    @Transactional
    void confirm(long siteId, long handoverId, String confirmer) {
        int changed = jdbc.sql("""
                UPDATE agency_handovers SET confirmed_by = :me, confirmed_at = :now
                WHERE site_id = :site AND id = :id AND confirmed_by IS NULL AND lower(to_account) = lower(:me)
                  AND lower(handed_by) <> lower(:me)""")
                .param("me", confirmer).param("now", Timestamp.from(clock.instant())).param("site", siteId)
                .param("id", handoverId).update();
        Handover h = handover(siteId, handoverId);
        if (changed == 0) {
            Refusal refusal = CustodyChain.refuseConfirm(h.handedBy(), confirmer, h.confirmedBy());
            throw new InvalidInputException("confirm", refusal != null ? refusal.key : "agency.chain.notYours");
        }
        log(siteId, h.caseId(), confirmer, "CONFIRMED", h.from() + "→" + h.to());
        activity.record("AGENCY_HANDOVER_CONFIRMED", "agency_case", h.caseId(), h.from() + "→" + h.to());
    }

    /**
     * A new token for the printed transfer sheet's QR code; only its hash is kept, so a printed sheet is the one
     * place the token lives. Printing again replaces it.
     */
    @Transactional
    String sheetToken(long siteId, long handoverId) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        int changed = jdbc.sql("UPDATE agency_handovers SET token_hash = :hash WHERE site_id = :site AND id = :id"
                        + " AND confirmed_by IS NULL")
                .param("hash", hash(token)).param("site", siteId).param("id", handoverId).update();
        if (changed == 0) {
            handover(siteId, handoverId); // 404 when it is not this hall's
            return null;
        }
        return token;
    }

    /** The handover a scanned transfer sheet stands for, within the signed-in hall. */
    @Transactional(readOnly = true)
    Handover byToken(long siteId, String token) {
        if (token == null || token.length() > 64) {
            throw NotFoundException.of("token");
        }
        Map<String, String> names = names(siteId);
        return jdbc.sql(SELECT + " WHERE site_id = :site AND token_hash = :hash").param("site", siteId)
                .param("hash", hash(token)).query((rs, n) -> map(rs, names)).optional()
                .orElseThrow(() -> NotFoundException.of("token"));
    }

    /** The hall's people who may receive a file, by name. */
    List<Accounts.AccountView> receivers(long siteId) {
        return accounts.ofSite(siteId).stream()
                .filter(a -> a.enabled() && a.role().permissions().contains(Permissions.AGENCY_HANDLE)).toList();
    }

    private void lockCase(long siteId, long caseId) {
        jdbc.sql("SELECT id FROM agency_cases WHERE site_id = :site AND id = :id FOR UPDATE")
                .param("site", siteId).param("id", caseId).query(Long.class).optional()
                .orElseThrow(() -> NotFoundException.of("case", caseId));
    }

    private void log(long siteId, long caseId, String by, String action, String detail) {
        caseLog.append(siteId, caseId, by, action, detail);
    }

    private Map<String, String> names(long siteId) {
        Map<String, String> names = new HashMap<>();
        accounts.ofSite(siteId).forEach(a -> names.put(a.username().toLowerCase(java.util.Locale.ROOT), a.displayName()));
        return names;
    }

    private static final String COLUMNS = "id, case_id, seq, from_station, to_station, what, sheets, handed_by, handed_at,"
            + " to_account, confirmed_by, confirmed_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM agency_handovers";

    private static Handover map(java.sql.ResultSet rs, Map<String, String> names) throws java.sql.SQLException {
        String by = rs.getString("handed_by");
        String to = rs.getString("to_account");
        String confirmed = rs.getString("confirmed_by");
        Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
        return new Handover(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("seq"),
                Station.valueOf(rs.getString("from_station")), Station.valueOf(rs.getString("to_station")),
                What.valueOf(rs.getString("what")), rs.getInt("sheets"), by, name(names, by),
                rs.getTimestamp("handed_at").toInstant(), to, name(names, to), confirmed,
                confirmed == null ? null : name(names, confirmed), confirmedAt == null ? null : confirmedAt.toInstant());
    }

    private static String name(Map<String, String> names, String username) {
        return names.getOrDefault(username.toLowerCase(java.util.Locale.ROOT), username);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
