package org.hallsafe.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one rule for a record about an earlier moment (issue 16, item 6; R-REQ-3: records true, not written up
 * afterwards): the server's time is the record's time; a moment given by hand is kept when it lies within the hall's
 * window (default 30 minutes) before now; further back it is a back-fill (补录), which needs a reason and the
 * permission to back-fill, and is stored and shown as one; a moment in the future is refused. Pure: values in, a
 * verdict out. The gate's own catch-up form works the same way.
 */
public final class EarlierMoment {

    /** A moment a little ahead of the server's (a phone's clock) is still now. */
    static final Duration SKEW = Duration.ofMinutes(1);

    private EarlierMoment() {
    }

    /** The record's moment and whether it is a back-fill; or the message key of its problem (and no moment). */
    public record Verdict(Instant at, boolean backfilled, String reason, String problem) {

        public boolean refused() {
            return problem != null;
        }
    }

    /**
     * Judges a moment typed by hand.
     *
     * @param about the moment the record is about, or null for now
     * @param now the server's time
     * @param window the hall's window
     * @param reason why it is written afterwards (only needed beyond the window)
     * @param mayBackfill whether the person holds the back-fill permission
     */
    public static Verdict judge(Instant about, Instant now, Duration window, String reason, boolean mayBackfill) {
        if (about == null) {
            return new Verdict(now, false, null, null);
        }
        if (about.isAfter(now.plus(SKEW))) {
            return new Verdict(null, false, null, "record.time.future");
        }
        if (!about.isBefore(now.minus(window))) {
            return new Verdict(about.isAfter(now) ? now : about, false, null, null);
        }
        if (reason == null || reason.isBlank()) {
            return new Verdict(null, true, null, "record.backfill.reason");
        }
        if (!mayBackfill) {
            return new Verdict(null, true, null, "record.backfill.permission");
        }
        return new Verdict(about, true, reason.strip(), null);
    }

    /**
     * Judges a day (a delivery date): today is now; an earlier day counts from its end, so that yesterday's delivery
     * typed just after midnight stays within the window.
     */
    public static Verdict judgeDay(LocalDate day, Instant now, ZoneId zone, Duration window, String reason,
            boolean mayBackfill) {
        if (day == null) {
            return new Verdict(now, false, null, null);
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (day.isAfter(today)) {
            return new Verdict(null, false, null, "record.time.future");
        }
        if (day.equals(today)) {
            return new Verdict(now, false, null, null);
        }
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        return judge(end, now, window, reason, mayBackfill);
    }

    /** Whether a record entered at {@code enteredAt} about {@code aboutAt} was written up afterwards. */
    public static boolean late(Instant aboutAt, Instant enteredAt, Duration window) {
        return aboutAt.isBefore(enteredAt.minus(window));
    }
}
