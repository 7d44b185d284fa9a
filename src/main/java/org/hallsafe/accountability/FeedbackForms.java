package org.hallsafe.accountability;

import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/** What people type on the feedback and briefing pages; checked before anything is stored. */
final class FeedbackForms {

    private FeedbackForms() {
    }

    /** A section's daily report: its problems, and a request to another section ({@code requestTo}) or the group (null). */
    record ReportForm(@PlainText(max = 1000, multiline = true) String problems,
            @PlainText(max = 1000, multiline = true) String request, Long requestTo) {
    }

    /** A reply in a report's thread. */
    record ReplyForm(@NotBlank(message = "{validation.required}") @PlainText(max = 1000, multiline = true) String body) {
    }

    /** The hall's times: remind at, due by. */
    record TimesForm(@NotNull(message = "{validation.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime remindAt,
            @NotNull(message = "{validation.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime dueAt) {
    }

    /** The office's remarks on a day's briefing. */
    record RemarksForm(@PlainText(max = 2000, multiline = true) String remarks) {
    }
}
