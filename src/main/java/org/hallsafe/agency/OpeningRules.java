package org.hallsafe.agency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hallsafe.agency.AgencyCases.Opening;
import org.hallsafe.platform.PlainText;
import org.hallsafe.shared.PhoneNumber;

/**
 * What is wrong with a new case as a channel hands it in, field by field (message keys), a pure rule for the page, the
 * API and the facade alike: applicant, phone and return address are required (the result goes back by post).
 */
final class OpeningRules {

    static final int APPLICANT = PlainText.NAME;
    static final int COMPANY = PlainText.LABEL;
    static final int ADDRESS = 200;
    static final int SENDING = PlainText.NOTE;
    static final String REQUIRED = "validation.required";

    private OpeningRules() {
    }

    static Map<String, String> problems(Opening o) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (o.submissionId() == null) {
            problems.put("submissionId", REQUIRED);
        }
        if (o.itemId() == null) {
            problems.put("itemId", "agency.apply.item");
        }
        if (o.channel() == null) {
            problems.put("channel", REQUIRED);
        }
        text(problems, "applicant", o.applicant(), APPLICANT, false, true);
        text(problems, "company", o.company(), COMPANY, false, false);
        text(problems, "address", o.address(), ADDRESS, true, true);
        text(problems, "sending", o.sending(), SENDING, true, false);
        if (PlainText.Rules.isBlank(o.phone())) {
            problems.put("phone", REQUIRED);
        } else if (!PhoneNumber.isValid(o.phone()) || o.phone().length() > PlainText.PHONE) {
            problems.put("phone", "phone.invalid");
        }
        return problems;
    }

    private static void text(Map<String, String> problems, String field, String value, int max, boolean multiline,
            boolean required) {
        if (PlainText.Rules.isBlank(value)) {
            if (required) {
                problems.put(field, REQUIRED);
            }
            return;
        }
        String problem = PlainText.Rules.problem(value, max, multiline);
        if (problem != null) {
            problems.put(field, problem);
        }
    }

    /** The family name and a star for each other character, as the public pages and lists show a name. */
    static String maskName(String name) {
        String n = name.strip();
        String masked = n.substring(0, n.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, n.codePointCount(0, n.length()) - 1));
        return masked.length() > 40 ? masked.substring(0, 40) : masked;
    }

    /** The first eight characters of an address (province, city, district) and stars: enough to sort post, not to find a door. */
    static String maskAddress(String address) {
        String a = address.strip().replaceAll("\\s+", " ");
        int keep = Math.min(8, a.codePointCount(0, a.length()) / 2);
        return a.substring(0, a.offsetByCodePoints(0, keep)) + "****";
    }
}
