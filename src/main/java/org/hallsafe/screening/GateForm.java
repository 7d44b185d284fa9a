package org.hallsafe.screening;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.PlainText;
import org.hallsafe.screening.Gate.Mask;
import org.hallsafe.screening.Gate.PersonType;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.shared.DocumentType;
import org.hallsafe.shared.PhoneNumber;

/**
 * One reading at the gate, as the page or a kiosk sends it. {@code submissionId} is made by the client once per
 * person: sending it again stores nothing new. {@code recheckOf} marks a re-measure, which takes the person from the
 * first reading. {@code screenedAt} and {@code backfillReason} are only for a paper-ledger catch-up (补录).
 */
@GateForm.PersonGiven
@Gate.SymptomsAnswered
public record GateForm(@NotNull(message = "{validation.required}") UUID submissionId, PersonType personType, Long staffId,
        @PlainText(max = PlainText.NAME) String name,
        DocumentType docType, @PlainText(max = PlainText.CODE) String docNo, @PlainText(max = PlainText.PHONE) String phone,
        @NotNull(message = "{gate.mask.required}") Mask mask,
        @NotNull(message = "{gate.temperature.required}") @Gate.Temperature BigDecimal temperature, List<Symptom> symptoms,
        Boolean noSymptoms,
        @PlainText(max = PlainText.NOTE) String symptomNote, Long recheckOf,
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime screenedAt, @PlainText(max = PlainText.NOTE) String backfillReason,
        @PlainText(max = 16) String bookingCode) implements Gate.Reading {

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

    /**
     * Who is screened, as the form must say it (its shape): a first reading names a person type; staff are chosen
     * from the list; a citizen without a booking gives a name, a document type and a number valid for that type, and
     * a phone, when typed, of a phone's form. A re-measure takes the person from the first reading. Each message
     * stands beside its field; a field its text bound already refused gets no second message.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PersonGiven.Check.class)
    public @interface PersonGiven {

        String message() default "{validation.required}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<PersonGiven, GateForm> {
            @Override
            public boolean isValid(GateForm f, ConstraintValidatorContext context) {
                Map<String, String> problems = f == null ? Map.of() : f.personShape();
                if (problems.isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                problems.forEach((field, key) -> context.buildConstraintViolationWithTemplate("{" + key + "}")
                        .addPropertyNode(field).addConstraintViolation());
                return false;
            }
        }
    }

    private Map<String, String> personShape() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (recheckOf != null) {
            return problems;
        }
        if (personType == null) {
            problems.put("personType", "validation.required");
        } else if (personType == PersonType.STAFF && staffId == null) {
            problems.put("staffId", "gate.staff.choose");
        } else if (personType == PersonType.CITIZEN && !booked()) {
            // a booked citizen is who the booking says; an unknown code is the desk's to refuse
            if (blank(name)) {
                problems.put("name", "validation.required");
            }
            if (docType == null) {
                problems.put("docType", "validation.required");
            }
            String docProblem = Gate.documentShape(docType, docNo);
            if (docProblem != null) {
                problems.put("docNo", docProblem);
            }
            if (!blank(phone) && !PhoneNumber.isValid(phone) && PlainText.Rules.problem(phone, PlainText.PHONE, false) == null) {
                problems.put("phone", "phone.invalid");
            }
        }
        return problems;
    }

    /**
     * The rules on a well-formed form, field to message key, everything at once so the screener fixes it in one go:
     * an unknown citizen gives a phone ({@code knownCitizen}: the document is on file, so an empty phone keeps the
     * stored one), only the symptoms the hall asks ({@code askedSymptoms}), and a back-fill says why.
     */
    public Map<String, String> ruleProblems(Set<Symptom> askedSymptoms, boolean knownCitizen) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (recheckOf == null && personType == PersonType.CITIZEN && !booked() && blank(phone) && !knownCitizen) {
            problems.put("phone", "validation.required");
        }
        problems.putAll(Gate.readingRuleProblems(this, askedSymptoms));
        if (backfilled() && blank(backfillReason)) {
            problems.put("backfillReason", "gate.backfill.reason");
        }
        return problems;
    }

    /** The document number as stored: ID card numbers normalised, others trimmed and upper-cased. */
    public String normalisedDocNo() {
        return docType.normalise(docNo);
    }
}
