package org.hallsafe.staffhealth;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.PlausibleDate;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.Gate.Symptom;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A staff member's temperature check, from their phone or taken by someone else; checked like a gate reading. A check
 * for an earlier slot names its {@code checkedAt}: within the hall's window it keeps that moment, further back it is a
 * back-fill with {@code backfillReason} (issue 16, item 6; organization's {@code RecordTimes}); empty means now.
 */
@Gate.SymptomsAnswered
public record CheckForm(@NotNull(message = "{validation.required}") UUID submissionId,
        @NotNull(message = "{gate.temperature.required}") @Gate.Temperature BigDecimal temperature, List<Symptom> symptoms,
        Boolean noSymptoms, @PlainText(max = PlainText.NOTE) String symptomNote,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @PlausibleDate(PlausibleDate.Horizon.TODAY) LocalDateTime checkedAt,
        @PlainText(max = PlainText.NOTE) String backfillReason) implements Gate.Reading {

    /** A check taken now. */
    public CheckForm(UUID submissionId, BigDecimal temperature, List<Symptom> symptoms, Boolean noSymptoms,
            String symptomNote) {
        this(submissionId, temperature, symptoms, noSymptoms, symptomNote, null, null);
    }

    public static CheckForm empty() {
        return new CheckForm(UUID.randomUUID(), null, List.of(), false, "");
    }

    /** The hall's rules on a well-formed check: only the symptoms it asks about, and a word on "other". */
    public Map<String, String> ruleProblems(Set<Symptom> asked) {
        return Gate.readingRuleProblems(this, asked);
    }
}
