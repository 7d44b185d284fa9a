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

import org.hallsafe.appointments.Catalogue.Period;
import org.hallsafe.platform.PlainText;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.format.annotation.DateTimeFormat;

/** What the appointment and duty pages send; each form lists everything wrong with it at once, field by field. */
public final class AppointmentForms {

    private AppointmentForms() {
    }

    /** How a booking came in. */
    public enum Channel { WEB, WECHAT, PHONE, WALK_IN }

    /** Where a booking stands. */
    public enum Status { BOOKED, CANCELLED, ARRIVED, CALLED, DONE, NO_SHOW, REFUSED }

    /** The documents a citizen books with: the gate's own. */
    public static final List<org.hallsafe.screening.Gate.DocumentType> DOC_TYPES =
            List.of(org.hallsafe.screening.Gate.DocumentType.values());

    public record SettingsForm(Integer slotMinutes, Integer windowCapacity, Integer hallCap, Integer perPersonDaily,
            Integer daysAhead, Integer noShowMinutes, boolean smsVerification, boolean postponed,
            @PlainText(max = PlainText.NOTE, multiline = true) String postponedMessage,
            @PlainText(max = PlainText.PHONE) String hotline, @PlainText(max = PlainText.NOTE) String reminderDayText,
            @PlainText(max = PlainText.NOTE) String reminderHourText) {

        static SettingsForm of(Catalogue.Settings s) {
            return new SettingsForm(s.slotMinutes(), s.windowCapacity(), s.hallCap(), s.perPersonDaily(), s.daysAhead(),
                    s.noShowMinutes(), s.smsVerification(), s.postponed(), s.postponedMessage(), s.hotline(),
                    s.reminderDayText(), s.reminderHourText());
        }

        Map<String, String> problems() {
            Map<String, String> p = new LinkedHashMap<>();
            if (slotMinutes == null || !List.of(10, 15, 20, 30, 60).contains(slotMinutes)) {
                p.put("slotMinutes", "appointments.settings.slotMinutes");
            }
            range(p, "windowCapacity", windowCapacity, 1, 500);
            range(p, "hallCap", hallCap, 1, 5000);
            range(p, "perPersonDaily", perPersonDaily, 1, 20);
            range(p, "daysAhead", daysAhead, 1, 90);
            range(p, "noShowMinutes", noShowMinutes, 0, 240);
            if (postponed && (postponedMessage == null || postponedMessage.isBlank())) {
                p.put("postponedMessage", "appointments.settings.postponedMessage");
            }
            if (reminderDayText == null || reminderDayText.isBlank()) {
                p.put("reminderDayText", "validation.required");
            }
            if (reminderHourText == null || reminderHourText.isBlank()) {
                p.put("reminderHourText", "validation.required");
            }
            return p;
        }
    }

    static void range(Map<String, String> p, String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            p.put(field, "validation.range." + min + "." + max);
        }
    }

    public record ItemForm(@PlainText(max = PlainText.LABEL) String name, Integer minutes,
            @PlainText(max = PlainText.RECORD, multiline = true) String materials,
            @PlainText(max = PlainText.NOTE) String onlineUrl, boolean agency, List<Long> windowIds) {

        static ItemForm of(Catalogue.Item i) {
            return new ItemForm(i.name(), i.minutes(), i.materials(), i.onlineUrl(), i.agency(), i.windowIds());
        }

        Map<String, String> problems() {
            Map<String, String> p = new LinkedHashMap<>();
            if (name == null || name.isBlank()) {
                p.put("name", "validation.required");
            }
            range(p, "minutes", minutes, 1, 480);
            if (onlineUrl != null && !onlineUrl.isBlank() && !onlineUrl.strip().matches("https?://\\S+")) {
                p.put("onlineUrl", "appointments.item.url");
            }
            if (windowIds == null || windowIds.isEmpty()) {
                p.put("windowIds", "appointments.item.windows");
            }
            return p;
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

        Map<String, String> problems() {
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
    public record GenerateForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, List<Long> windowIds, Integer capacity,
            Integer hallCap, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime releaseAt) {

        Map<String, String> problems(LocalDate today) {
            Map<String, String> p = new LinkedHashMap<>();
            if (from == null) {
                p.put("from", "validation.required");
            } else if (from.isBefore(today)) {
                p.put("from", "appointments.generate.past");
            } else if (!org.hallsafe.platform.PlausibleDate.Horizon.YEAR.allows(from, today)) {
                p.put("from", org.hallsafe.platform.PlausibleDate.Horizon.YEAR.key());
            }
            if (to == null) {
                p.put("to", "validation.required");
            } else if (from != null && (to.isBefore(from) || to.isAfter(from.plusDays(92)))) {
                p.put("to", "appointments.generate.range");
            }
            if (windowIds == null || windowIds.isEmpty()) {
                p.put("windowIds", "appointments.item.windows");
            }
            range(p, "capacity", capacity, 1, 500);
            range(p, "hallCap", hallCap, 1, 5000);
            return p;
        }
    }

    /**
     * A booking as the citizen page, the duty desk and the API send it. {@code submissionId} is made once per form:
     * sending it again books nothing new.
     */
    public record BookingForm(UUID submissionId, Long itemId, Long slotId, @PlainText(max = PlainText.NAME) String name,
            org.hallsafe.screening.Gate.DocumentType docType, @PlainText(max = PlainText.CODE) String docNo,
            @PlainText(max = PlainText.PHONE) String phone, @PlainText(max = PlainText.PHONE) String smsCode,
            Channel channel) {

        public static BookingForm empty(Long itemId, Long slotId, Channel channel) {
            return new BookingForm(UUID.randomUUID(), itemId, slotId, "", org.hallsafe.screening.Gate.DocumentType.ID_CARD,
                    "", "", "", channel);
        }

        Map<String, String> problems(boolean smsRequired) {
            Map<String, String> p = new LinkedHashMap<>();
            if (submissionId == null) {
                p.put("submissionId", "validation.required");
            }
            if (itemId == null) {
                p.put("itemId", "appointments.book.item");
            }
            if (slotId == null) {
                p.put("slotId", "appointments.book.slot");
            }
            if (name == null || name.isBlank()) {
                p.put("name", "validation.required");
            } else if (name.strip().length() > 40) {
                p.put("name", "appointments.book.nameLength");
            }
            if (docType == null) {
                p.put("docType", "validation.required");
            }
            String docProblem = org.hallsafe.screening.Gate.documentProblem(docType, docNo);
            if (docProblem != null) {
                p.put("docNo", docProblem);
            }
            if (phone == null || phone.isBlank()) {
                p.put("phone", "validation.required");
            } else if (!PhoneNumber.isValid(phone)) {
                p.put("phone", "phone.invalid");
            }
            if (smsRequired && (smsCode == null || !smsCode.strip().matches("\\d{6}"))) {
                p.put("smsCode", "appointments.sms.required");
            }
            if (channel == null) {
                p.put("channel", "validation.required");
            }
            return p;
        }

        String normalisedDocNo() {
            return org.hallsafe.screening.Gate.normalisedDocument(docType, docNo);
        }

        String docMasked() {
            return org.hallsafe.screening.Gate.maskedDocument(docType, normalisedDocNo());
        }
    }

    /** Putting a person on duty at a window or a phone line on a day. */
    public record RosterForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Long windowId,
            @PlainText(max = PlainText.PHONE) String phoneLine, Long staffId, @PlainText(max = PlainText.NOTE) String note) {

        Map<String, String> problems() {
            Map<String, String> p = new LinkedHashMap<>();
            if (day == null) {
                p.put("day", "validation.required");
            }
            if (windowId == null && (phoneLine == null || phoneLine.isBlank())) {
                p.put("windowId", "duty.roster.post");
            }
            if (staffId == null) {
                p.put("staffId", "duty.roster.staff");
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
    public record ConsultationForm(UUID submissionId, Long windowId, @PlainText(max = PlainText.NAME) String callerName,
            @PlainText(max = PlainText.PHONE) String phone, Long itemId,
            @PlainText(max = PlainText.NOTE, multiline = true) String matter,
            @PlainText(max = PlainText.RECORD, multiline = true) String answer, Outcome outcome,
            @PlainText(max = PlainText.NOTE, multiline = true) String followUp, Long slotId,
            org.hallsafe.screening.Gate.DocumentType docType, @PlainText(max = PlainText.CODE) String docNo) {

        public static ConsultationForm empty(Long windowId) {
            return new ConsultationForm(UUID.randomUUID(), windowId, "", "", null, "", "", null, "", null,
                    org.hallsafe.screening.Gate.DocumentType.ID_CARD, "");
        }

        Map<String, String> problems() {
            Map<String, String> p = new LinkedHashMap<>();
            if (submissionId == null) {
                p.put("submissionId", "validation.required");
            }
            if (phone == null || phone.isBlank()) {
                p.put("phone", "validation.required");
            } else if (!PhoneNumber.isValid(phone)) {
                p.put("phone", "phone.invalid");
            }
            if (matter == null || matter.isBlank()) {
                p.put("matter", "validation.required");
            }
            if (outcome == null) {
                p.put("outcome", "duty.outcome.required");
            } else if (outcome == Outcome.CALL_BACK && (followUp == null || followUp.isBlank())) {
                p.put("followUp", "duty.followUp.required");
            } else if (outcome == Outcome.BOOKED && (callerName == null || callerName.isBlank())) {
                p.put("callerName", "validation.required");
            }
            return p;
        }

        BookingForm booking() {
            return new BookingForm(submissionId, itemId, slotId, callerName, docType, docNo, phone, null, Channel.PHONE);
        }
    }
}
