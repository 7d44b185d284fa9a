package org.hallsafe.screening;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hallsafe.screening.Gate.DocumentType;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.platform.PlainText;
import org.hallsafe.shared.PhoneNumber;

/**
 * One reading at the gate, as the page or a kiosk sends it. {@code submissionId} is made by the client once per
 * person: sending it again stores nothing new. {@code recheckOf} marks a re-measure, which takes the person from the
 * first reading. {@code screenedAt} and {@code backfillReason} are only for a paper-ledger catch-up (补录).
 */
public record GateForm(UUID submissionId, PersonType personType, Long staffId, @PlainText(max = PlainText.NAME) String name,
        DocumentType docType, @PlainText(max = PlainText.CODE) String docNo, @PlainText(max = PlainText.PHONE) String phone,
        Mask mask, BigDecimal temperature, List<Symptom> symptoms, Boolean noSymptoms,
        @PlainText(max = PlainText.NOTE) String symptomNote, Long recheckOf,
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime screenedAt, @PlainText(max = PlainText.NOTE) String backfillReason,
        @PlainText(max = 16) String bookingCode) {

    /** A fresh form for the next person, with a new submission id. */
    public static GateForm empty() {
        return new GateForm(UUID.randomUUID(), PersonType.CITIZEN, null, "", DocumentType.ID_CARD, "", "", null, null,
                List.of(), false, "", null, null, "", "");
    }

    /** A fresh form that re-measures the reading {@code firstId}. */
    public static GateForm recheck(long firstId) {
        return new GateForm(UUID.randomUUID(), null, null, "", null, "", "", null, null, List.of(), false, "", firstId,
                null, "", "");
    }

    public Set<Symptom> symptomSet() {
        return org.hallsafe.platform.Choices.of(Symptom.class, symptoms);
    }

    /** True when the citizen came with a booking code: the booking says who they are. */
    public boolean booked() {
        return bookingCode != null && !bookingCode.isBlank();
    }

    /** This form with the booked person's details where the screener left them empty. */
    GateForm withVisitor(ExpectedVisitors.Visitor v) {
        return new GateForm(submissionId, PersonType.CITIZEN, null, blank(name) ? v.name() : name,
                blank(docNo) ? v.docType() : docType, blank(docNo) ? v.docNo() : docNo, blank(phone) ? v.phone() : phone,
                mask, temperature, symptoms, noSymptoms, symptomNote, recheckOf, screenedAt, backfillReason, v.code());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean backfilled() {
        return screenedAt != null;
    }

    /** One thing wrong with the form: the field and the message key. */
    public record Problem(String field, String key) {
    }

    /**
     * Everything wrong at once, so the screener fixes it in one go. {@code knownCitizen}: the document is on file,
     * so an empty phone keeps the stored one.
     */
    public List<Problem> problems(Set<Symptom> askedSymptoms, boolean knownCitizen) {
        List<Problem> problems = new ArrayList<>();
        if (submissionId == null) {
            problems.add(new Problem("submissionId", "validation.required"));
        }
        if (recheckOf == null) {
            if (personType == null) {
                problems.add(new Problem("personType", "validation.required"));
            } else if (personType == PersonType.STAFF && staffId == null) {
                problems.add(new Problem("staffId", "gate.staff.choose"));
            } else if (personType == PersonType.CITIZEN && !booked()) {
                // a booked citizen is who the booking says; an unknown code is the desk's to refuse
                citizenProblems(problems, knownCitizen);
            }
        }
        if (mask == null) {
            problems.add(new Problem("mask", "gate.mask.required"));
        }
        Gate.readingProblems(temperature, symptomSet(), noSymptoms, symptomNote, askedSymptoms, problems);
        if (backfilled() && (backfillReason == null || backfillReason.isBlank())) {
            problems.add(new Problem("backfillReason", "gate.backfill.reason"));
        }
        return problems;
    }

    private void citizenProblems(List<Problem> problems, boolean knownCitizen) {
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "validation.required"));
        }
        if (docType == null) {
            problems.add(new Problem("docType", "validation.required"));
        }
        String docProblem = Gate.documentProblem(docType, docNo);
        if (docProblem != null) {
            problems.add(new Problem("docNo", docProblem));
        }
        if (phone == null || phone.isBlank()) {
            if (!knownCitizen) {
                problems.add(new Problem("phone", "validation.required"));
            }
        } else if (!PhoneNumber.isValid(phone)) {
            problems.add(new Problem("phone", "phone.invalid"));
        }
    }

    /** The document number as stored: ID card numbers normalised, others trimmed and upper-cased. */
    public String normalisedDocNo() {
        return Gate.normalisedDocument(docType, docNo);
    }

    static Map<String, String> asMap(List<Problem> problems) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        problems.forEach(p -> map.putIfAbsent(p.field(), p.key()));
        return map;
    }
}
