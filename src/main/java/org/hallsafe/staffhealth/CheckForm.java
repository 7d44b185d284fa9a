package org.hallsafe.staffhealth;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hallsafe.platform.PlainText;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.Gate.Symptom;
import org.hallsafe.screening.GateForm;

/** A staff member's temperature check, from their phone or taken by someone else; checked like a gate reading. */
public record CheckForm(UUID submissionId, BigDecimal temperature, List<Symptom> symptoms, Boolean noSymptoms,
        @PlainText(max = PlainText.NOTE) String symptomNote) {

    public static CheckForm empty() {
        return new CheckForm(UUID.randomUUID(), null, List.of(), false, "");
    }

    public Set<Symptom> symptomSet() {
        return org.hallsafe.platform.Choices.of(Symptom.class, symptoms);
    }

    public List<GateForm.Problem> problems(Set<Symptom> asked) {
        List<GateForm.Problem> problems = new ArrayList<>();
        if (submissionId == null) {
            problems.add(new GateForm.Problem("submissionId", "validation.required"));
        }
        Gate.readingProblems(temperature, symptomSet(), noSymptoms, symptomNote, asked, problems);
        return problems;
    }
}
