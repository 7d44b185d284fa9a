package org.hallsafe.duty;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hallsafe.appointments.AppointmentForms;
import org.hallsafe.platform.Phone;
import org.hallsafe.platform.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the duty pages and API send. Each form states its shape with Bean Validation; what depends on another field is
 * a rule, {@code ruleProblems}, checked by {@link Duty} with the shape, everything at once, once per request.
 */
public final class DutyForms {

    private DutyForms() {
    }

    /** Putting a person on duty at a window or a phone line on a day. */
    public record RosterForm(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Long windowId, @PlainText(max = PlainText.PHONE) String phoneLine,
            @NotNull(message = "{duty.roster.staff}") Long staffId, @PlainText(max = PlainText.NOTE) String note) {

        /** A duty post is a window or a phone line. */
        Map<String, String> ruleProblems() {
            Map<String, String> p = new LinkedHashMap<>();
            if (windowId == null && (phoneLine == null || phoneLine.isBlank())) {
                p.put("windowId", "duty.roster.post");
            }
            return p;
        }
    }

    /** What the caller wanted and how it ended. */
    public enum Outcome { ANSWERED, GUIDED_ONLINE, BOOKED, AGENCY, TRANSFERRED, CALL_BACK }

    /**
     * A phone consultation. With the outcome "booked here", the booking fields ({@code slotId}, document) book the
     * caller in the same step.
     */
    public record ConsultationForm(@NotNull(message = "{validation.required}") UUID submissionId, Long windowId,
            @PlainText(max = PlainText.NAME) String callerName,
            @NotBlank(message = "{validation.required}") @Phone @PlainText(max = PlainText.PHONE) String phone, Long itemId,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NOTE, multiline = true) String matter,
            @PlainText(max = PlainText.RECORD, multiline = true) String answer,
            @NotNull(message = "{duty.outcome.required}") Outcome outcome,
            @PlainText(max = PlainText.NOTE, multiline = true) String followUp, Long slotId,
            org.hallsafe.shared.DocumentType docType, @PlainText(max = PlainText.CODE) String docNo) {

        public static ConsultationForm empty(Long windowId) {
            return new ConsultationForm(UUID.randomUUID(), windowId, "", "", null, "", "", null, "", null,
                    org.hallsafe.shared.DocumentType.ID_CARD, "");
        }

        /** A call back says what follows; a call booked here names the caller (the booking's own rules come after). */
        Map<String, String> ruleProblems() {
            Map<String, String> p = new LinkedHashMap<>();
            if (outcome == Outcome.CALL_BACK && (followUp == null || followUp.isBlank())) {
                p.put("followUp", "duty.followUp.required");
            } else if (outcome == Outcome.BOOKED && (callerName == null || callerName.isBlank())) {
                p.put("callerName", "validation.required");
            }
            return p;
        }

        AppointmentForms.BookingForm booking() {
            return new AppointmentForms.BookingForm(submissionId, itemId, slotId, callerName, docType, docNo, phone, null, AppointmentForms.Channel.PHONE);
        }
    }
}
