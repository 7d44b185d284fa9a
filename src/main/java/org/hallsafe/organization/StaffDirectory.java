package org.hallsafe.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.organization.Forms.StaffForm;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.Accounts;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.IdNumber;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff of the bureau, the windows and the canteen. Phone and ID numbers are sealed before they are stored and are
 * found again by their keyed hash; lists show them masked.
 */
@Service
public class StaffDirectory {

    private static final String SELECT = """
            SELECT s.id, s.name, s.card_no, s.department_id, d.name AS department_name, d.kind AS department_kind, s.window_id,
                   w.number AS window_number, w.name AS window_name, s.job_title, s.phone_masked, s.id_number_masked,
                   s.account_id, s.retired_at IS NOT NULL AS retired
            FROM staff s
            LEFT JOIN departments d ON d.id = s.department_id
            LEFT JOIN service_windows w ON w.id = s.window_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final PersonalData personalData;
    private final Accounts accounts;
    private final Directory directory;

    StaffDirectory(JdbcClient jdbc, Clock clock, ActivityLog activity, PersonalData personalData, Accounts accounts,
            Directory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.personalData = personalData;
        this.accounts = accounts;
        this.directory = directory;
    }

    /**
     * Searches by name or card number; a typed phone or ID number is matched exactly through its keyed hash.
     */
    @Transactional
    public List<StaffView> search(long siteId, String query, Long departmentId, boolean includeRetired) {
        if (departmentId != null) {
            // a filter by another hall's section is a not-found, like any other of its ids
            directory.department(siteId, departmentId);
        }
        String q = Directory.trim(query);
        byte[] hash = lookupHash(q).orElse(new byte[0]);
        List<StaffView> found = jdbc.sql(SELECT + """
                WHERE s.site_id = :site AND (:all OR s.retired_at IS NULL)
                  AND (CAST(:dept AS bigint) IS NULL OR s.department_id = :dept
                       OR w.section_id = :dept)
                  AND (:q = '' OR s.name ILIKE '%' || :q || '%' OR lower(s.card_no) = lower(:q)
                       OR s.phone_hash = :hash OR s.id_number_hash = :hash)
                ORDER BY s.name, s.id LIMIT 500""")
                .param("site", siteId).param("all", includeRetired).param("dept", departmentId).param("q", q)
                .param("hash", hash).query(StaffView.class).list();
        if (hash.length > 0) {
            // a search by a full phone or ID number is a look-up of a person: audited like a read
            boolean phone = PhoneNumber.isValid(q);
            personalData.recordLookUp("staff", phone ? "phone" : "idNumber",
                    phone ? new PhoneNumber(q).masked() : new IdNumber(q).masked(), found.size());
        }
        return found;
    }

    @Transactional(readOnly = true)
    public StaffView get(long siteId, long id) {
        return jdbc.sql(SELECT + " WHERE s.site_id = :site AND s.id = :id").param("site", siteId).param("id", id)
                .query(StaffView.class).optional().orElseThrow(() -> NotFoundException.of("staff", id));
    }

    /**
     * The staff members with these ids in the hall, retired ones too, by id: for another module that names staff
     * beside its own rows, instead of joining the staff table (issue 13). Unknown ids are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, StaffView> byIds(long siteId, Collection<Long> ids) {
        Map<Long, StaffView> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + " WHERE s.site_id = :site AND s.id IN (:ids) ORDER BY s.name, s.id").param("site", siteId)
                .param("ids", new ArrayList<>(new HashSet<>(ids))).query(StaffView.class).list()
                .forEach(v -> found.put(v.id(), v));
        return found;
    }

    /** The halls that have staff in service: where staff schedules and reminders run. */
    @Transactional(readOnly = true)
    public List<Long> hallsWithStaff() {
        return jdbc.sql("SELECT DISTINCT site_id FROM staff WHERE retired_at IS NULL ORDER BY site_id").query(Long.class).list();
    }

    /** The staff member whose account this is, if any. */
    @Transactional(readOnly = true)
    public Optional<StaffView> byAccount(long siteId, long accountId) {
        return jdbc.sql(SELECT + " WHERE s.site_id = :site AND s.account_id = :account AND s.retired_at IS NULL")
                .param("site", siteId).param("account", accountId).query(StaffView.class).optional();
    }

    /** The staff member with this card number (active or not), as the gate and the canteen door look them up. */
    @Transactional(readOnly = true)
    public Optional<StaffView> byCardNo(long siteId, String cardNo) {
        return jdbc.sql(SELECT + " WHERE s.site_id = :site AND lower(s.card_no) = lower(:card)")
                .param("site", siteId).param("card", Directory.trim(cardNo)).query(StaffView.class).optional();
    }

    @Transactional
    public long save(long siteId, Long id, StaffForm form) {
        if (form.departmentId() == null && form.windowId() == null) {
            throw new InvalidInputException("departmentId", "staff.placement.required");
        }
        if (form.departmentId() != null) {
            directory.department(siteId, form.departmentId());
        }
        if (form.windowId() != null) {
            directory.window(siteId, form.windowId());
        }
        SealedValue phone = sealPhone(form.phone(), id == null);
        SealedValue idNumber = sealIdNumber(form.idNumber());
        Long accountId = accountOf(siteId, form.accountUsername());
        try {
            long saved;
            if (id == null) {
                saved = jdbc.sql("""
                        INSERT INTO staff (site_id, name, card_no, department_id, window_id, job_title,
                            phone_cipher, phone_hash, phone_masked, id_number_cipher, id_number_hash, id_number_masked,
                            account_id, created_by)
                        VALUES (:site, :name, :card, :dept, :window, :job, :pc, :ph, :pm, :ic, :ih, :im, :account, :by)
                        RETURNING id""")
                        .param("site", siteId).param("name", form.name().strip()).param("card", form.cardNo().strip())
                        .param("dept", form.departmentId()).param("window", form.windowId())
                        .param("job", Directory.trim(form.jobTitle()))
                        .param("pc", phone.cipherText()).param("ph", phone.lookupHash()).param("pm", phone.masked())
                        .param("ic", idNumber.cipherText()).param("ih", idNumber.lookupHash())
                        .param("im", idNumber.masked()).param("account", accountId).param("by", SignedIn.actor())
                        .query(Long.class).single();
            } else {
                // an empty phone or ID number on an edit keeps what is stored: the form never shows the full number
                saved = Directory.updated(jdbc.sql("""
                        UPDATE staff SET name = :name, card_no = :card, department_id = :dept, window_id = :window,
                            job_title = :job,
                            phone_cipher = coalesce(:pc, phone_cipher), phone_hash = coalesce(:ph, phone_hash),
                            phone_masked = coalesce(:pm, phone_masked),
                            id_number_cipher = coalesce(:ic, id_number_cipher),
                            id_number_hash = coalesce(:ih, id_number_hash),
                            id_number_masked = coalesce(:im, id_number_masked),
                            account_id = :account, updated_at = :now
                        WHERE site_id = :site AND id = :id""")
                        .param("site", siteId).param("id", id).param("name", form.name().strip())
                        .param("card", form.cardNo().strip()).param("dept", form.departmentId())
                        .param("window", form.windowId()).param("job", Directory.trim(form.jobTitle()))
                        .param("pc", phone.cipherText()).param("ph", phone.lookupHash()).param("pm", phone.masked())
                        .param("ic", idNumber.cipherText()).param("ih", idNumber.lookupHash())
                        .param("im", idNumber.masked()).param("account", accountId)
                        .param("now", Timestamp.from(clock.instant())).update(), id);
            }
            activity.record(id == null ? "CREATED" : "UPDATED", "staff", saved, form.name().strip());
            return saved;
        } catch (DuplicateKeyException e) {
            throw e.getMessage() != null && e.getMessage().contains("staff_account_uq")
                    ? new InvalidInputException("accountUsername", "staff.account.taken")
                    : new InvalidInputException("cardNo", "staff.cardNo.taken");
        }
    }

    @Transactional
    public void retire(long siteId, long id) {
        String name = get(siteId, id).name();
        Directory.updated(jdbc.sql("UPDATE staff SET retired_at = :now, updated_at = :now WHERE site_id = :site AND id = :id AND retired_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", id).update(), id);
        activity.record("RETIRED", "staff", id, name);
    }

    /** The full phone or ID number of one staff member; the caller has checked the permission. The read is logged. */
    @Transactional
    public String reveal(long siteId, long id, String field) {
        String column = switch (field) {
            case "phone" -> "phone_cipher";
            case "idNumber" -> "id_number_cipher";
            default -> throw NotFoundException.of("field", field);
        };
        get(siteId, id);
        byte[] cipher = jdbc.sql("SELECT " + column + " FROM staff WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", id).query(byte[].class).optional().orElse(null);
        return personalData.reveal(cipher, "staff", id, field);
    }

    private SealedValue sealPhone(String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw new InvalidInputException("phone", "validation.required");
            }
            return new SealedValue(null, null, null);
        }
        if (!PhoneNumber.isValid(raw)) {
            throw new InvalidInputException("phone", "phone.invalid");
        }
        PhoneNumber phone = new PhoneNumber(raw);
        return personalData.seal(phone.value(), phone.masked());
    }

    private SealedValue sealIdNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return new SealedValue(null, null, null);
        }
        IdNumber.Problem problem = IdNumber.check(raw);
        if (problem != IdNumber.Problem.NONE) {
            throw new InvalidInputException("idNumber", "idNumber." + problem.name());
        }
        IdNumber number = new IdNumber(raw);
        return personalData.seal(number.value(), number.masked());
    }

    private Optional<byte[]> lookupHash(String q) {
        if (PhoneNumber.isValid(q)) {
            return Optional.of(personalData.lookupHash(new PhoneNumber(q).value()));
        }
        if (IdNumber.check(q) == IdNumber.Problem.NONE) {
            return Optional.of(personalData.lookupHash(new IdNumber(q).value()));
        }
        return Optional.empty();
    }

    private Long accountOf(long siteId, String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return accounts.findByUsername(username.strip()).filter(a -> a.siteId() == siteId)
                .map(Accounts.AccountView::id)
                .orElseThrow(() -> new InvalidInputException("accountUsername", "staff.account.unknown"));
    }
}
