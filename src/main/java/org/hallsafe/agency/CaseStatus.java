package org.hallsafe.agency;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.agency.AgencyCases.CaseSummary;
import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.PlainText;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's look-up (no account): the case code and the full phone number together find a case; one without the
 * other finds nothing. It shows the stage, the working days left, what is missing and the tracking numbers.
 */
@Component
class CaseStatus {

    /** The answer to a code and phone that do not belong together; the rate limit counts it against the code. */
    static final String NOT_FOUND = "agency.status.notFound";

    /** What the citizen sees: nothing of the person beyond what they typed. */
    record Status(String code, String itemName, State state, LocalDate dueOn, Integer workingDaysLeft, Boolean onTime,
            List<String> missing, List<String> trackingIn, List<String> trackingOut) {

        public String displayCode() {
            return CaseCodes.display(code);
        }
    }

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final CaseBook book;

    CaseStatus(JdbcClient jdbc, PersonalData personalData, CaseBook book) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.book = book;
    }

    /** What is wrong with a look-up before it is tried: both fields are required. */
    static Map<String, String> problems(String code, String phone) {
        Map<String, String> problems = new LinkedHashMap<>();
        String c = CaseCodes.normalise(code);
        if (c.isEmpty()) {
            problems.put("code", "agency.status.codeRequired");
        } else if (c.length() > 12) {
            problems.put("code", NOT_FOUND);
        }
        if (PlainText.Rules.isBlank(phone)) {
            problems.put("phone", "validation.required");
        } else if (phone.length() > PlainText.PHONE || !PhoneNumber.isValid(phone)) {
            problems.put("phone", "phone.invalid");
        }
        return problems;
    }

    @Transactional(readOnly = true)
    Status lookUp(long siteId, String code, String phone) {
        Map<String, String> problems = problems(code, phone);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        byte[] hash = personalData.lookupHash(new PhoneNumber(phone).value());
        Optional<Long> id = jdbc.sql("SELECT id FROM agency_cases WHERE site_id = :site AND code = :code AND phone_hash = :hash")
                .param("site", siteId).param("code", CaseCodes.normalise(code)).param("hash", hash).query(Long.class)
                .optional();
        CaseSummary c = id.flatMap(i -> book.summaries(siteId, Map.of("id", i), 1).stream().findFirst())
                .orElseThrow(() -> new InvalidInputException("code", NOT_FOUND));
        List<String> missing = jdbc.sql("""
                SELECT name FROM agency_materials WHERE site_id = :site AND case_id = :case
                  AND state IN ('MISSING', 'TO_CORRECT') ORDER BY position""")
                .param("site", siteId).param("case", c.id()).query(String.class).list();
        return new Status(c.code(), c.itemName(), c.state(), c.dueOn(), c.workingDaysLeft(), c.onTime(), missing,
                tracking(siteId, c.id(), "IN"), tracking(siteId, c.id(), "OUT"));
    }

    private List<String> tracking(long siteId, long caseId, String direction) {
        return jdbc.sql("""
                SELECT tracking_no FROM agency_mail WHERE site_id = :site AND case_id = :case AND direction = :dir
                ORDER BY logged_at, id""")
                .param("site", siteId).param("case", caseId).param("dir", direction).query(String.class).list();
    }
}
