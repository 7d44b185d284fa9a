package org.hallsafe.screening;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hallsafe.shared.BodyTemperature;
import org.hallsafe.shared.DocumentType;

/** The words of the gate and its rules: who, what was seen, and what follows. */
public final class Gate {

    private Gate() {
    }

    public enum PersonType { CITIZEN, STAFF }

    public enum Mask { NONE, DISPOSABLE_MEDICAL, N95_KN95, OTHER }

    public enum Symptom { FEVER, COLD, COUGH, RESPIRATORY, OTHER }

    /** {@code RECHECK}: over the threshold at a first reading; the re-measure decides. */
    public enum Decision { ADMITTED, REFUSED, RECHECK }

    public enum Handling { SENT_HOME, FEVER_CLINIC, OTHER }

    public enum Contact { NONE, CONFIRMED, SUSPECTED, UNKNOWN }

    /** A person's document on a form: its type and number. */
    public interface Document {
        DocumentType docType();

        String docNo();
    }

    /**
     * The document number is valid for its type ({@link DocumentType#problem}), beside {@code docNo}; a number its text
     * bound already refused gets no second message. The gate and the booking forms check documents alike.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ValidDocument.Check.class)
    public @interface ValidDocument {

        String message() default "{gate.docNo.invalid}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<ValidDocument, Document> {
            @Override
            public boolean isValid(Document d, ConstraintValidatorContext context) {
                String key = d == null ? null : documentShape(d.docType(), d.docNo());
                if (key == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{" + key + "}").addPropertyNode("docNo")
                        .addConstraintViolation();
                return false;
            }
        }
    }

    /** {@link DocumentType#problem}, unless the number's text bound speaks first (too long, control characters). */
    static String documentShape(DocumentType type, String docNo) {
        String problem = DocumentType.problem(type, docNo);
        return problem != null && org.hallsafe.platform.PlainText.Rules.problem(docNo,
                org.hallsafe.platform.PlainText.CODE, false) == null ? problem : null;
    }

    /** A temperature reading as the gate, a staff member's phone and a head's desk send it. */
    public interface Reading {
        BigDecimal temperature();

        List<Symptom> symptoms();

        Boolean noSymptoms();

        String symptomNote();

        default Set<Symptom> symptomSet() {
            return org.hallsafe.platform.Choices.of(Symptom.class, symptoms());
        }
    }

    /** A {@link BodyTemperature} a thermometer can show: 34.0 to 43.0 °C with at most one decimal; empty passes. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Temperature.Check.class)
    public @interface Temperature {

        String message() default "{gate.temperature.range}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<Temperature, BigDecimal> {
            @Override
            public boolean isValid(BigDecimal t, ConstraintValidatorContext context) {
                return t == null || BodyTemperature.plausible(t);
            }
        }
    }

    /**
     * The symptom question answered on a {@link Reading}: "no symptoms" or at least one symptom, never both. The
     * message stands beside {@code symptoms}.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = SymptomsAnswered.Check.class)
    public @interface SymptomsAnswered {

        String message() default "{gate.symptoms.required}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<SymptomsAnswered, Reading> {
            @Override
            public boolean isValid(Reading r, ConstraintValidatorContext context) {
                if (r == null) {
                    return true;
                }
                boolean none = Boolean.TRUE.equals(r.noSymptoms());
                boolean chosen = !r.symptomSet().isEmpty();
                String key = !chosen && !none ? "gate.symptoms.required" : chosen && none ? "gate.symptoms.both" : null;
                if (key == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{" + key + "}").addPropertyNode("symptoms")
                        .addConstraintViolation();
                return false;
            }
        }
    }

    /**
     * The hall's rules on a well-formed reading, wherever it is taken (the gate, a staff member's phone, a head's
     * desk): only the symptoms this hall asks about, and a word on "other". Field to message key; empty when none.
     */
    public static Map<String, String> readingRuleProblems(Reading r, Set<Symptom> asked) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<Symptom> chosen = r.symptomSet();
        if (chosen.isEmpty() || Boolean.TRUE.equals(r.noSymptoms())) {
            return problems; // unanswered or contradictory: the shape says so
        }
        if (!asked.containsAll(chosen)) {
            problems.put("symptoms", "gate.symptoms.notAsked");
        } else if (chosen.contains(Symptom.OTHER) && (r.symptomNote() == null || r.symptomNote().isBlank())) {
            problems.put("symptomNote", "gate.symptoms.otherNote");
        }
        return problems;
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
