package org.hallsafe.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hallsafe.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency module's facade: the items offered as agency service with their commitment, opening a case from any
 * channel (idempotent by the submission's id), and a case as lists show it, personal data masked.
 */
@Service
public class AgencyCases {

    /** Where a case stands; label key {@code agency.state.<NAME>}. */
    public enum State {
        /** 待收件: opened, materials not yet complete. */
        APPLIED,
        /** 待补正: a one-time notice went out; the clock stands still. */
        SUPPLEMENT,
        /** 已受理: materials complete, the clock runs. */
        ACCEPTED,
        /** 已办结: the result is ready, on time or late. */
        DONE,
        /** 已寄出: the result is in the post. */
        SENT,
        /** 已撤回, with a reason. */
        WITHDRAWN;

        public String label() {
            return "agency.state." + name();
        }
    }

    /** How the case came in; label key {@code agency.channel.<NAME>}. */
    public enum Channel {
        ONLINE, WECHAT, PHONE, WINDOW;

        public String label() {
            return "agency.channel." + name();
        }

        /** Whether the citizen opened it without staff (the case's author is then "citizen"). */
        public boolean selfService() {
            return this == ONLINE || this == WECHAT;
        }
    }

    /** The stations of the custody chain, in order; label key {@code agency.station.<NAME>}. */
    public enum Station {
        MAIL_ROOM, WINDOW, SECTION, APPROVAL, RESULT, MAIL_OUT;

        public String label() {
            return "agency.station." + name();
        }
    }

    /** An item offered as agency service: its time limit in working days, owning section and materials list. */
    public record ItemTerms(long itemId, String itemName, int timeLimitDays, Long departmentId, List<String> materials) {
    }

    /** A new case as a channel hands it in; refused field by field with {@link InvalidInputException}. */
    public record Opening(UUID submissionId, Long itemId, Channel channel, String applicant, String company, String phone,
            String address, String sending, Long callId) {
    }

    /** The case opened; {@code replay} when the same submission had opened it before. */
    public record Opened(long id, String code, boolean replay) {
    }

    /** A case as lists show it: personal data masked; who holds the file now from the custody chain. */
    public record CaseSummary(long id, String code, long itemId, String itemName, State state, Channel channel,
            String applicantMasked, String phoneMasked, LocalDate dueOn, Integer workingDaysLeft, Boolean onTime,
            Station holderStation, String holder, Instant createdAt) {

        /** The code as people read it: two groups of four. */
        public String displayCode() {
            return CaseCodes.display(code);
        }

        public boolean overdue() {
            return workingDaysLeft != null && workingDaysLeft < 0 && (state == State.ACCEPTED);
        }
    }

    private final CaseBook book;
    private final ItemTermsStore terms;

    AgencyCases(CaseBook book, ItemTermsStore terms) {
        this.book = book;
        this.terms = terms;
    }

    /** The hall's items marked 可代办 that are not retired, with their commitment. */
    @Transactional(readOnly = true)
    public List<ItemTerms> agencyItems(long siteId) {
        return terms.all(siteId);
    }

    /** One item's commitment, empty when the item is not offered as agency service in this hall. */
    @Transactional(readOnly = true)
    public Optional<ItemTerms> terms(long siteId, long itemId) {
        return terms.find(siteId, itemId);
    }

    /**
     * Opens a case with the item's materials list and time limit. Sent again with the same submission id it answers
     * with the first case. Refusals name the field: {@code itemId}, {@code applicant}, {@code phone}, {@code address} ...
     */
    @Transactional
    public Opened open(long siteId, Opening o) {
        return book.open(siteId, o);
    }

    @Transactional(readOnly = true)
    public Optional<CaseSummary> find(long siteId, long id) {
        return book.summaries(siteId, Map.of("id", id), 1).stream().findFirst();
    }

    /** The hall's cases, newest first, of one state or all. */
    @Transactional(readOnly = true)
    public List<CaseSummary> cases(long siteId, State state, int limit) {
        return book.summaries(siteId, state == null ? Map.of() : Map.of("state", state.name()), limit);
    }

    /**
     * The cases the responsibility matrix counts for a section on a day (R-SVC, {@link AgencyMeasure}): its open ones,
     * and those done that day.
     */
    @Transactional(readOnly = true)
    List<CaseSummary> counted(long siteId, long sectionId, Instant from, Instant to, int limit) {
        return book.summaries(siteId, Map.<String, Object>of("section", sectionId, "from", java.sql.Timestamp.from(from),
                "to", java.sql.Timestamp.from(to)), limit);
    }
}
