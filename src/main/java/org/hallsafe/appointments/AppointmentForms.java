package org.hallsafe.appointments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hallsafe.organization.HallCalendar.Period;
import org.hallsafe.platform.OneOf;
import org.hallsafe.platform.Phone;
import org.hallsafe.platform.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the appointment pages send. Each form states its shape (required, range, pattern) with Bean
 * Validation; what depends on the hall, the day or another field is a rule, {@code ruleProblems}, checked by the
 * service with the shape ({@link org.hallsafe.platform.FormShape#check(Object, Map)}), everything at once.
 */
public final class AppointmentForms {

    private AppointmentForms() {
    }

    /** How a booking came in. */
    public enum Channel { WEB, WECHAT, PHONE, WALK_IN }

    /** Where a booking stands. */
    public enum Status { BOOKED, CANCELLED, ARRIVED, CALLED, DONE, NO_SHOW, REFUSED }

    /** The documents a citizen books with: the gate's own. */
    public static final List<org.hallsafe.shared.DocumentType> DOC_TYPES =
            List.of(org.hallsafe.shared.DocumentType.values());

    public record SettingsForm(
            @NotNull(message = SLOT_MINUTES) @OneOf(value = {10, 15, 20, 30, 60}, message = SLOT_MINUTES) Integer slotMinutes,
            @NotNull(message = "{validation.range.1.500}") @Min(value = 1, message = "{validation.range.1.500}") @Max(value = 500, message = "{validation.range.1.500}") Integer windowCapacity,
            @NotNull(message = "{validation.range.1.5000}") @Min(value = 1, message = "{validation.range.1.5000}") @Max(value = 5000, message = "{validation.range.1.5000}") Integer hallCap,
            @NotNull(message = "{validation.range.1.20}") @Min(value = 1, message = "{validation.range.1.20}") @Max(value = 20, message = "{validation.range.1.20}") Integer perPersonDaily,
            @NotNull(message = "{validation.range.1.90}") @Min(value = 1, message = "{validation.range.1.90}") @Max(value = 90, message = "{validation.range.1.90}") Integer daysAhead,
            @NotNull(message = "{validation.range.0.240}") @Min(value = 0, message = "{validation.range.0.240}") @Max(value = 240, message = "{validation.range.0.240}") Integer noShowMinutes,
            boolean smsVerification, boolean postponed,
            @PlainText(max = PlainText.NOTE, multiline = true) String postponedMessage,
            @PlainText(max = PlainText.PHONE) String hotline,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NOTE) String reminderDayText,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NOTE) String reminderHourText) {

        private static final String SLOT_MINUTES = "{appointments.settings.slotMinutes}";

        static SettingsForm of(Catalogue.Settings s) {
            return new SettingsForm(s.slotMinutes(), s.windowCapacity(), s.hallCap(), s.perPersonDaily(), s.daysAhead(),
                    s.noShowMinutes(), s.smsVerification(), s.postponed(), s.postponedMessage(), s.hotline(),
                    s.reminderDayText(), s.reminderHourText());
        }

        /**
         * No rule across fields any more: a postponed opening tells citizens why through its published notice
         * (推迟开放通告, issue 15), which {@link Catalogue#saveSettings} asks for.
         */
        Map<String, String> ruleProblems() {
            return new LinkedHashMap<>();
        }
    }

    public record ItemForm(@NotBlank(message = "{validation.required}") @PlainText(max = PlainText.LABEL) String name,
            @NotNull(message = "{validation.range.1.480}") @Min(value = 1, message = "{validation.range.1.480}") @Max(value = 480, message = "{validation.range.1.480}") Integer minutes,
            @PlainText(max = PlainText.RECORD, multiline = true) String materials,
            @Pattern(regexp = "\\s*|\\s*https?://\\S+\\s*", message = "{appointments.item.url}")
            @PlainText(max = PlainText.NOTE) String onlineUrl, boolean agency,
            @NotEmpty(message = "{appointments.item.windows}") List<Long> windowIds) {

        static ItemForm of(Catalogue.Item i) {
            return new ItemForm(i.name(), i.minutes(), i.materials(), i.onlineUrl(), i.agency(), i.windowIds());
        }

    }

    /** Weekly hours: the weekdays, a morning and an afternoon period (either may be left empty). */
    public record HoursForm(Long windowId, List<DayOfWeek> days, @DateTimeFormat(pattern = "HH:mm") LocalTime amStarts,
            @DateTimeFormat(pattern = "HH:mm") LocalTime amEnds, @DateTimeFormat(pattern = "HH:mm") LocalTime pmStarts,
            @DateTimeFormat(pattern = "HH:mm") LocalTime pmEnds) {

        static HoursForm of(Long windowId, Map<DayOfWeek, List<Period>> hours) {
            List<Period> periods = hours.values().stream().findFirst().orElse(List.of());
            Period am = periods.isEmpty() ? null : periods.get(0);
            Period pm = periods.size() > 1 ? periods.get(1) : null;
            return new HoursForm(windowId, new ArrayList<>(hours.keySet()), am == null ? null : am.starts(),
                    am == null ? null : am.ends(), pm == null ? null : pm.starts(), pm == null ? null : pm.ends());
        }

        public List<DayOfWeek> days() {
            return days == null ? List.of() : days;
        }

        List<Period> periods() {
            List<Period> periods = new ArrayList<>();
            if (amStarts != null && amEnds != null) {
                periods.add(new Period(amStarts, amEnds));
            }
            if (pmStarts != null && pmEnds != null) {
                periods.add(new Period(pmStarts, pmEnds));
            }
            return periods;
        }

        /** The hall's hours name their days; each period is whole and ends after it starts; the afternoon after the morning. */
        Map<String, String> ruleProblems() {
            Map<String, String> p = new LinkedHashMap<>();
            if (windowId == null && days().isEmpty()) {
                p.put("days", "appointments.hours.days");
            }
            if ((amStarts == null) != (amEnds == null) || amStarts != null && !amEnds.isAfter(amStarts)) {
                p.put("amEnds", "appointments.hours.period");
            }
            if ((pmStarts == null) != (pmEnds == null) || pmStarts != null && !pmEnds.isAfter(pmStarts)) {
                p.put("pmEnds", "appointments.hours.period");
            }
            if (amEnds != null && pmStarts != null && pmStarts.isBefore(amEnds)) {
                p.put("pmStarts", "appointments.hours.overlap");
            }
            if (!days().isEmpty() && periods().isEmpty() && !p.containsKey("amEnds")) {
                p.put("amStarts", "appointments.hours.period");
            }
            return p;
        }

        String summary() {
            return days() + " " + periods();
        }
    }

    /** Slots to make: a date range, the windows, the capacities, and when citizens may see them. */
    public record GenerateForm(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @NotEmpty(message = "{appointments.item.windows}") List<Long> windowIds,
            @NotNull(message = "{validation.range.1.500}") @Min(value = 1, message = "{validation.range.1.500}") @Max(value = 500, message = "{validation.range.1.500}") Integer capacity,
            @NotNull(message = "{validation.range.1.5000}") @Min(value = 1, message = "{validation.range.1.5000}") @Max(value = 5000, message = "{validation.range.1.5000}") Integer hallCap,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime releaseAt) {

        /** Slots start today or later, within a year, and run at most 92 days. */
        Map<String, String> ruleProblems(LocalDate today) {
            Map<String, String> p = new LinkedHashMap<>();
            if (from != null && from.isBefore(today)) {
                p.put("from", "appointments.generate.past");
            } else if (from != null && !org.hallsafe.platform.PlausibleDate.Horizon.YEAR.allows(from, today)) {
                p.put("from", org.hallsafe.platform.PlausibleDate.Horizon.YEAR.key());
            }
            if (to != null && from != null && (to.isBefore(from) || to.isAfter(from.plusDays(92)))) {
                p.put("to", "appointments.generate.range");
            }
            return p;
        }
    }

    /**
     * A booking as the citizen page, the duty desk and the API send it. {@code submissionId} is made once per form:
     * sending it again books nothing new.
     */
    @org.hallsafe.screening.Gate.ValidDocument
    public record BookingForm(@NotNull(message = "{validation.required}") UUID submissionId,
            @NotNull(message = "{appointments.book.item}") Long itemId,
            @NotNull(message = "{appointments.book.slot}") Long slotId,
            @NotBlank(message = "{validation.required}") @PlainText(max = NAME, message = "{appointments.book.nameLength}") String name,
            @NotNull(message = "{validation.required}") org.hallsafe.shared.DocumentType docType,
            @PlainText(max = PlainText.CODE) String docNo,
            @NotBlank(message = "{validation.required}") @Phone @PlainText(max = PlainText.PHONE) String phone,
            @PlainText(max = PlainText.PHONE) String smsCode,
            Channel channel, Boolean consent) implements org.hallsafe.screening.Gate.Document {

        /** A booked name: at most 40 characters, what the SMS and the gate can show. */
        static final int NAME = 40;

        /** A booking made by staff or by code: no citizen's tick to carry (issue 20, item 5). */
        public BookingForm(UUID submissionId, Long itemId, Long slotId, String name,
                org.hallsafe.shared.DocumentType docType, String docNo, String phone, String smsCode, Channel channel) {
            this(submissionId, itemId, slotId, name, docType, docNo, phone, smsCode, channel, null);
        }

        public static BookingForm empty(Long itemId, Long slotId, Channel channel) {
            return new BookingForm(UUID.randomUUID(), itemId, slotId, "", org.hallsafe.shared.DocumentType.ID_CARD,
                    "", "", "", channel, null);
        }

        /** The same form as it came in, with the channel the page or API (not the request) says. */
        BookingForm from(Channel by) {
            return new BookingForm(submissionId, itemId, slotId, name, docType, docNo, phone, smsCode, by, consent);
        }

        boolean consented() {
            return Boolean.TRUE.equals(consent);
        }

        /**
         * A hall that asks for SMS verification needs the six-digit code on a self-service booking. The channel is
         * not the request's to say (pages and the API set it), but a caller in code must. A citizen's own booking
         * from the pages or the API needs the separate consent to the ID number (PIPL art. 29, issue 20 item 5).
         */
        Map<String, String> ruleProblems(boolean smsRequired, boolean consentRequired) {
            Map<String, String> p = new LinkedHashMap<>();
            if (channel == null) {
                p.put("channel", "validation.required");
            }
            if (smsRequired && (smsCode == null || !smsCode.strip().matches("\\d{6}"))) {
                p.put("smsCode", "appointments.sms.required");
            }
            if (consentRequired && !consented()) {
                p.put("consent", "appointments.consent.required");
            }
            return p;
        }

        String normalisedDocNo() {
            return docType.normalise(docNo);
        }

        String docMasked() {
            return docType.mask(normalisedDocNo());
        }
    }
}
