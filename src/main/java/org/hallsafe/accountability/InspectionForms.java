package org.hallsafe.accountability;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.PlausibleDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What people type on the inspection and rectification pages; checked before anything is stored. */
final class InspectionForms {

    private InspectionForms() {
    }

    /** A result of a checklist item; label key {@code inspection.result.<NAME>}. */
    enum Result { PASS, FINDING }

    /** A new inspection: its title, the day it is meant for, and the measures its checklist covers. */
    record PlanForm(
            @NotBlank(message = "{validation.required}") @PlainText(max = 60) String title,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate plannedOn,
            @NotEmpty(message = "{inspection.measures.required}") List<@NotBlank @PlainText(max = 10) String> measures) {
    }

    /** One item on the spot: pass or finding; a finding names its section and the rectification's deadline. */
    record ItemForm(
            @NotNull(message = "{inspection.result.required}") Result result,
            @PlainText(max = PlainText.NOTE, multiline = true) String note,
            @PlainText(max = 60) String place,
            Long departmentId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate dueOn) {
    }

    /** The owner section's fix, with a word on what was done (and a photo as evidence). */
    record FixForm(@NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NOTE, multiline = true) String note) {
    }

    /** The inspector's re-check: passed closes the rectification, failed sends it back, with a new deadline if given. */
    record CheckForm(
            @NotNull(message = "{validation.required}") Boolean passed,
            @PlainText(max = PlainText.NOTE, multiline = true) String note,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate dueOn) {
    }
}
