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
        EnumSet<Symptom> sorted = symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(symptoms);
        sorted.forEach(s -> reasons.add("SYMPTOM_" + s.name()));
        boolean refusedOutright = mask == Mask.NONE || !symptoms.isEmpty();
        if (refusedOutright || fever && recheck) {
            return new Outcome(Decision.REFUSED, reasons);
        }
        return fever ? new Outcome(Decision.RECHECK, reasons) : new Outcome(Decision.ADMITTED, List.of());
    }
}
