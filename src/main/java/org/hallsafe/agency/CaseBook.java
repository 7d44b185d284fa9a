package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hallsafe.agency.AgencyCases.CaseSummary;
import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyCases.ItemTerms;
import org.hallsafe.agency.AgencyCases.Opened;
import org.hallsafe.agency.AgencyCases.Opening;
import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.agency.AgencyCases.Station;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.duty.Duty;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.SealedValue;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Opening cases and reading them as lists show them. The applicant, phone and return address are sealed before they
 * reach the table; the code is drawn again on the (rare) clash with another hall's code.
 */
@Component
class CaseBook {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ItemTermsStore terms;
    private final Catalogue catalogue;
    private final Duty duty;
    private final HallCalendar calendar;
    private final PersonalData personalData;
    private final CaseLog log;
    private final CaseTexts texts;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final ApplicationEventPublisher events;
    /** AG3: where each file is and who holds it, by name (a handover waiting for its receiver: still its sender). */
    private final Custody custody;
    /** AG2: days left by the service commitment's rule (frozen while the case waits on the citizen). */
    private final CaseClocks clocks;

    CaseBook(JdbcClient jdbc, Clock clock, ItemTermsStore terms, Catalogue catalogue, Duty duty, HallCalendar calendar,
            PersonalData personalData, CaseLog log, CaseTexts texts, ActivityLog activity, LiveUpdates live,
            ApplicationEventPublisher events, Custody custody, CaseClocks clocks) {
        this.custody = custody;
        this.clocks = clocks;
        this.jdbc = jdbc;
        this.clock = clock;
        this.terms = terms;
        this.catalogue = catalogue;
        this.duty = duty;
        this.calendar = calendar;
        this.personalData = personalData;
        this.log = log;
        this.texts = texts;
        this.activity = activity;
        this.live = live;
        this.events = events;
    }

    Opened open(long siteId, Opening o) {
        if (o.channel() != null && !o.channel().selfService() && CurrentUser.find().isEmpty()) {
            throw new AccessDeniedException("phone and window cases are opened by staff");
        }
        return open(siteId, o, o.channel() == null || o.channel().selfService() ? "citizen"
                : CurrentUser.get().getUsername());
    }

    /** Opens a case written by {@code by} ("citizen" for the citizens' own channels; demo data names its staff). */
    Opened open(long siteId, Opening o, String by) {
        Map<String, String> problems = OpeningRules.problems(o);
        Optional<ItemTerms> item = o.itemId() == null ? Optional.empty() : terms.find(siteId, o.itemId());
        if (o.itemId() != null && item.isEmpty()) {
            problems.putIfAbsent("itemId", "agency.apply.item");
        }
        if (o.callId() != null && !callOfHall(siteId, o.callId())) {
            problems.putIfAbsent("callId", "agency.open.call");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<Opened> earlier = bySubmission(siteId, o);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String applicant = o.applicant().strip();
        PhoneNumber phone = new PhoneNumber(o.phone());
        String address = o.address().strip();
        SealedValue name = personalData.seal(applicant, OpeningRules.maskName(applicant));
        SealedValue sealedPhone = personalData.seal(phone.value(), phone.masked());
        SealedValue sealedAddress = personalData.seal(address, OpeningRules.maskAddress(address));
        ItemTerms t = item.orElseThrow();
        Timestamp now = Timestamp.from(clock.instant());
        Long id = null;
        String code = null;
        for (int attempt = 0; id == null && attempt < 5; attempt++) {
            code = CaseCodes.next();
            id = jdbc.sql("""
                    INSERT INTO agency_cases (site_id, code, item_id, department_id, channel, state, applicant_name,
                        applicant_masked, company, phone, phone_masked, phone_hash, address, address_masked, sending,
                        time_limit_days, call_id, submission_id, created_at, created_by, updated_at)
                    VALUES (:site, :code, :item, :dept, :channel, 'APPLIED', :name, :nameMasked, :company, :phone,
                        :phoneMasked, :phoneHash, :address, :addressMasked, :sending, :limit, :call, :submission, :now,
                        :by, :now)
                    ON CONFLICT DO NOTHING RETURNING id""")
                    .param("site", siteId).param("code", code).param("item", t.itemId()).param("dept", t.departmentId())
                    .param("channel", o.channel().name()).param("name", name.cipherText())
                    .param("nameMasked", name.masked()).param("company", strip(o.company()))
                    .param("phone", sealedPhone.cipherText()).param("phoneMasked", sealedPhone.masked())
                    .param("phoneHash", sealedPhone.lookupHash()).param("address", sealedAddress.cipherText())
                    .param("addressMasked", sealedAddress.masked()).param("sending", strip(o.sending()))
                    .param("limit", t.timeLimitDays()).param("call", o.callId()).param("submission", o.submissionId())
                    .param("now", now).param("by", by).query(Long.class).optional().orElse(null);
            if (id == null) {
                // the same submission sent twice at once, or a code another case holds: the first wins, else draw again
                earlier = bySubmission(siteId, o);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
        }
        if (id == null) {
            throw new IllegalStateException("no free case code after 5 draws");
        }
        int position = 0;
        for (String material : t.materials()) {
            jdbc.sql("INSERT INTO agency_materials (site_id, case_id, position, name) VALUES (:site, :case, :pos, :name)")
                    .param("site", siteId).param("case", id).param("pos", ++position).param("name", material).update();
        }
        log.append(siteId, id, by, "OPENED", o.channel().name() + (o.callId() == null ? "" : " #" + o.callId()));
        activity.record("CREATED", "agency-case", id, code + " " + t.itemName() + " " + o.channel());
        texts.opened(siteId, id, code, t, sealedPhone);
        live.publishToSite(siteId, "agency");
        events.publishEvent(new AgencyCaseOpened(siteId, id));
        return new Opened(id, code, false);
    }

    private boolean callOfHall(long siteId, long callId) {
        try {
            duty.consultation(siteId, callId);
            return true;
        } catch (NoSuchElementException | org.hallsafe.platform.NotFoundException e) {
            return false;
        }
    }

    private Optional<Opened> bySubmission(long siteId, Opening o) {
        return jdbc.sql("SELECT id, code, true AS replay FROM agency_cases WHERE site_id = :site AND submission_id = :s")
                .param("site", siteId).param("s", o.submissionId()).query(Opened.class).optional();
    }

    private record Row(long id, String code, long itemId, String state, String channel, String applicantMasked,
            String phoneMasked, LocalDate dueOn, Boolean onTime, String holderStation, String holder, Instant createdAt) {
    }

    /**
     * Cases by {@code id} or {@code state} (or all), or those the responsibility matrix counts for a {@code section}
     * (its open cases, and those done between {@code from} and {@code to}, timestamps), newest first, with the item's name and who holds the file now. */
    List<CaseSummary> summaries(long siteId, Map<String, Object> by, int limit) {
        List<Row> rows = jdbc.sql("""
                SELECT c.id, c.code, c.item_id, c.state, c.channel, c.applicant_masked, c.phone_masked, c.due_on, c.on_time,
                       h.to_station AS holder_station, h.confirmed_by AS holder, c.created_at
                FROM agency_cases c
                LEFT JOIN LATERAL (SELECT to_station, confirmed_by FROM agency_handovers
                    WHERE site_id = c.site_id AND case_id = c.id AND confirmed_at IS NOT NULL ORDER BY seq DESC LIMIT 1) h ON true
                WHERE c.site_id = :site AND (CAST(:id AS bigint) IS NULL OR c.id = :id)
                  AND (CAST(:state AS text) IS NULL OR c.state = :state)
                  AND (CAST(:section AS bigint) IS NULL OR c.department_id = :section
                       AND (c.state IN ('ACCEPTED', 'SUPPLEMENT') OR (c.done_at >= :from AND c.done_at < :to)))
                ORDER BY c.created_at DESC, c.id DESC LIMIT :limit""")
                .param("site", siteId).param("id", by.get("id")).param("state", by.get("state")).param("limit", limit)
                .param("section", by.get("section"))
                .param("from", by.getOrDefault("from", Timestamp.from(Instant.EPOCH)))
                .param("to", by.getOrDefault("to", Timestamp.from(Instant.EPOCH)))
                .query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = catalogue.items(siteId, true).stream()
                .collect(Collectors.toMap(Catalogue.Item::id, Catalogue.Item::name, (a, b) -> a));
        Map<Long, Custody.Holder> holders = custody.holders(siteId, rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new CaseSummary(r.id(), r.code(), r.itemId(), names.getOrDefault(r.itemId(), ""),
                State.valueOf(r.state()), Channel.valueOf(r.channel()), r.applicantMasked(), r.phoneMasked(), r.dueOn(),
                clocks.daysLeft(siteId, r.id(), State.valueOf(r.state()), r.dueOn()), r.onTime(),
                holders.get(r.id()).holder() == null ? null : holders.get(r.id()).station(), holders.get(r.id()).holder(),
                r.createdAt()))
                .toList();
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
