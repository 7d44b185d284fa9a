package org.hallsafe.staffhealth;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.PlainText;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.Gate.Symptom;

/** A staff member's temperature check, from their phone or taken by someone else; checked like a gate reading. */
@Gate.SymptomsAnswered
public record CheckForm(@NotNull(message = "{validation.required}") UUID submissionId,
        @NotNull(message = "{gate.temperature.required}") @Gate.Temperature BigDecimal temperature, List<Symptom> symptoms,
        Boolean noSymptoms, @PlainText(max = PlainText.NOTE) String symptomNote) implements Gate.Reading {

    public static CheckForm empty() {
        return new CheckForm(UUID.randomUUID(), null, List.of(), false, "");
    }

    /** The hall's rules on a well-formed check: only the symptoms it asks about, and a word on "other". */
    public Map<String, String> ruleProblems(Set<Symptom> asked) {
        return Gate.readingRuleProblems(this, asked);
    }
}
