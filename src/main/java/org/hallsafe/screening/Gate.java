package org.hallsafe.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The words of the gate and its rules: who, what was seen, and what follows. */
public final class Gate {

    private Gate() {
    }

    public enum PersonType { CITIZEN, STAFF }

    public enum DocumentType { ID_CARD, PASSPORT, HK_MACAU_PERMIT, TAIWAN_PERMIT, OTHER }

    public enum Mask { NONE, DISPOSABLE_MEDICAL, N95_KN95, OTHER }

    public enum Symptom { FEVER, COLD, COUGH, RESPIRATORY, OTHER }

    /** {@code RECHECK}: over the threshold at a first reading; the re-measure decides. */
    public enum Decision { ADMITTED, REFUSED, RECHECK }

    public enum Handling { SENT_HOME, FEVER_CLINIC, OTHER }

    public enum Contact { NONE, CONFIRMED, SUSPECTED, UNKNOWN }

    /**
     * What is wrong with a document number, as a message key, or null when it will do: an ID card by its GB 11643
     * check digit, other documents by their characters. The gate and the booking pages check documents alike.
     */
    public static String documentProblem(DocumentType type, String docNo) {
        if (docNo == null || docNo.isBlank()) {
            return "validation.required";
        }
        if (type == DocumentType.ID_CARD) {
            org.hallsafe.shared.IdNumber.Problem p = org.hallsafe.shared.IdNumber.check(docNo);
            return p == org.hallsafe.shared.IdNumber.Problem.NONE ? null : "idNumber." + p.name();
        }
        return docNo.strip().matches("[A-Za-z0-9()（）-]{4,30}") ? null : "gate.docNo.invalid";
    }

    /** A valid document number as it is stored and hashed: ID cards normalised, others trimmed and upper-cased. */
    public static String normalisedDocument(DocumentType type, String docNo) {
        return type == DocumentType.ID_CARD ? new org.hallsafe.shared.IdNumber(docNo).value()
                : docNo.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** A normalised document number as lists show it. */
    public static String maskedDocument(DocumentType type, String normalised) {
        return type == DocumentType.ID_CARD ? new org.hallsafe.shared.IdNumber(normalised).masked()
                : org.hallsafe.shared.Masking.keep(normalised, 2, 2);
    }

    public static final BigDecimal LOWEST = new BigDecimal("34.0");
    public static final BigDecimal HIGHEST = new BigDecimal("43.0");

    /** The checks on a temperature reading, wherever it is taken: the gate, a staff member's phone, a head's desk. */
    public static void readingProblems(BigDecimal temperature, Set<Symptom> chosen, Boolean noSymptoms, String symptomNote,
            Set<Symptom> asked, List<GateForm.Problem> problems) {
        if (temperature == null) {
            problems.add(new GateForm.Problem("temperature", "gate.temperature.required"));
        } else if (temperature.compareTo(LOWEST) < 0 || temperature.compareTo(HIGHEST) > 0
                || temperature.stripTrailingZeros().scale() > 1) {
            problems.add(new GateForm.Problem("temperature", "gate.temperature.range"));
        }
        if (chosen.isEmpty() && !Boolean.TRUE.equals(noSymptoms)) {
            problems.add(new GateForm.Problem("symptoms", "gate.symptoms.required"));
        } else if (!chosen.isEmpty() && Boolean.TRUE.equals(noSymptoms)) {
            problems.add(new GateForm.Problem("symptoms", "gate.symptoms.both"));
        } else if (!asked.containsAll(chosen)) {
            problems.add(new GateForm.Problem("symptoms", "gate.symptoms.notAsked"));
        } else if (chosen.contains(Symptom.OTHER) && (symptomNote == null || symptomNote.isBlank())) {
            problems.add(new GateForm.Problem("symptomNote", "gate.symptoms.otherNote"));
        }
    }

    /** A reading that needs attention: at or over the threshold, or with any symptom. */
    public static boolean abnormal(BigDecimal temperature, Set<Symptom> symptoms, BigDecimal threshold) {
        return temperature.compareTo(threshold) >= 0 || !symptoms.isEmpty();
    }

    /** What the rules decided and why; reasons are {@code NO_MASK}, {@code FEVER} and {@code SYMPTOM_<name>}. */
    public record Outcome(Decision decision, List<String> reasons) {
    }

    /**
     * The rules of the plan: no mask or any symptom refuses entry; a temperature at or over the threshold asks for a
     * re-measure after a wait, and at the re-measure it refuses.
     */
    public static Outcome decide(Mask mask, BigDecimal temperature, Set<Symptom> symptoms, BigDecimal threshold,
            boolean recheck) {
        List<String> reasons = new ArrayList<>();
        if (mask == Mask.NONE) {
            reasons.add("NO_MASK");
        }
        boolean fever = temperature.compareTo(threshold) >= 0;
        if (fever) {
            reasons.add("FEVER");
        }
        EnumSet<Symptom> sorted = org.hallsafe.platform.Choices.of(Symptom.class, symptoms);
        sorted.forEach(s -> reasons.add("SYMPTOM_" + s.name()));
        boolean refusedOutright = mask == Mask.NONE || !sorted.isEmpty();
        if (refusedOutright || fever && recheck) {
            return new Outcome(Decision.REFUSED, reasons);
        }
        return fever ? new Outcome(Decision.RECHECK, reasons) : new Outcome(Decision.ADMITTED, List.of());
    }
}
