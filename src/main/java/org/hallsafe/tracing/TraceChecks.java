package org.hallsafe.tracing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.PhoneNumber;
import org.hallsafe.tracing.Traces.By;
import org.hallsafe.tracing.Traces.TraceRequest;

/** The one check of a trace request, pure: every problem at once, by field; the period's defaults filled in. */
final class TraceChecks {

    /** The default period: the last 14 days, today included. */
    static final int DEFAULT_DAYS = 14;

    /** The longest period one trace covers. */
    static final int MAX_DAYS = 62;

    private TraceChecks() {
    }

    static TraceRun.Checked check(TraceRequest r, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        By by = r.by();
        String doc = null;
        String phone = null;
        if (by == null) {
            problems.put("by", "tracing.by.required");
        } else if (by == By.DOCUMENT) {
            if (r.docType() == null) {
                problems.put("docType", "validation.required");
            } else {
                String problem = r.docNo() != null && r.docNo().length() > 40 ? PlainText.TOO_LONG
                        : DocumentType.problem(r.docType(), r.docNo());
                if (problem != null) {
                    problems.put("docNo", problem);
                } else {
                    doc = r.docType().normalise(r.docNo());
                }
            }
        } else if (by == By.PHONE) {
            if (r.phone() == null || r.phone().isBlank()) {
                problems.put("phone", "validation.required");
            } else if (r.phone().length() > PlainText.PHONE || !PhoneNumber.isValid(r.phone())) {
                problems.put("phone", "tracing.phone.invalid");
            } else {
                phone = new PhoneNumber(r.phone()).value();
            }
        } else if (r.staffId() == null) {
            problems.put("staffId", "validation.required");
        }
        LocalDate to = r.to() == null ? today : r.to();
        LocalDate from = r.from() == null ? to.minusDays(DEFAULT_DAYS - 1) : r.from();
        if (to.isAfter(today)) {
            problems.put("to", "tracing.period.future");
        } else if (from.isAfter(to)) {
            problems.put("from", "tracing.period.order");
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            problems.put("from", "tracing.period.long");
        }
        String reason = r.reason() == null ? "" : r.reason().strip();
        if (PlainText.Rules.isBlank(reason)) {
            problems.put("reason", "tracing.reason.required");
        } else {
            String problem = PlainText.Rules.problem(reason, PlainText.NOTE, true);
            if (problem != null) {
                problems.put("reason", problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new TraceRun.Checked(by, r.docType(), doc, phone, r.staffId(), from, to, reason);
    }
}
