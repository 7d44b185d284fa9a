package org.hallsafe.appointments;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.RateLimits;
import org.hallsafe.platform.RateLimits.Kind;
import org.hallsafe.platform.TooManyRequestsException;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * The rate limits of the citizens' booking pages and public API (issue 12), one place for both: booking per address,
 * phone and document; SMS codes per address and phone; look-ups, cancellations and moves per address and per code,
 * and wrong phone numbers per code, after which the code is locked for a while. Each throws
 * {@link TooManyRequestsException}; called before the service's transaction.
 */
@Component
class PublicLimits {

    private final RateLimits limits;

    PublicLimits(RateLimits limits) {
        this.limits = limits;
    }

    void booking(HttpServletRequest request, BookingForm form) {
        limits.consume(Kind.BOOKING_ADDRESS, request);
        limits.consume(Kind.BOOKING_PHONE, phone(form.phone()));
        limits.consume(Kind.BOOKING_DOCUMENT, form.docNo() == null || form.docNo().isBlank() ? null
                : form.docType() + ":" + form.docNo().replaceAll("\\s", "").toUpperCase(Locale.ROOT));
    }

    void sms(HttpServletRequest request, String phone) {
        limits.consume(Kind.SMS_ADDRESS, request);
        limits.consume(Kind.SMS_PHONE, phone(phone));
    }

    /**
     * Runs a look-up, cancellation or move of a booking by code and phone under the limits; a wrong phone (or an
     * unknown code) counts against the code.
     */
    <T> T lookup(HttpServletRequest request, String code, Supplier<T> action) {
        String key = Bookings.normaliseCode(code);
        limits.consume(Kind.LOOKUP_ADDRESS, request);
        limits.consume(Kind.LOOKUP_CODE, key.isEmpty() ? null : key);
        limits.checkNotExhausted(Kind.CODE_FAILURES, key.isEmpty() ? null : key);
        try {
            return action.get();
        } catch (InvalidInputException e) {
            if (!key.isEmpty() && Bookings.NOT_FOUND.equals(e.problems().get("code"))) {
                limits.recordFailure(Kind.CODE_FAILURES, key);
            }
            throw e;
        }
    }

    /**
     * Opening "我的预约" with a phone and its SMS code: counted per address and per phone (with the look-ups by code),
     * on top of the code's own five tries (issue 20, item 5).
     */
    void mine(HttpServletRequest request, String phone) {
        limits.consume(Kind.LOOKUP_ADDRESS, request);
        String key = phone(phone);
        limits.consume(Kind.LOOKUP_CODE, key == null ? null : "tel:" + key);
    }

    private static String phone(String phone) {
        return phone != null && PhoneNumber.isValid(phone) ? new PhoneNumber(phone).value() : null;
    }
}
