package org.hallsafe.agency;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.RateLimits;
import org.hallsafe.platform.RateLimits.Kind;
import org.hallsafe.platform.TooManyRequestsException;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * The rate limits of the citizens' agency pages and public API, the kinds bookings use: applying per address and
 * phone; looking a case up per address and per code, and wrong phone numbers per code, after which the code is locked
 * for a while. Each throws {@link TooManyRequestsException}; called before the service's transaction.
 */
@Component
class AgencyLimits {

    private final RateLimits limits;

    AgencyLimits(RateLimits limits) {
        this.limits = limits;
    }

    void apply(HttpServletRequest request, String phone) {
        limits.consume(Kind.BOOKING_ADDRESS, request);
        limits.consume(Kind.BOOKING_PHONE, phone != null && PhoneNumber.isValid(phone) ? new PhoneNumber(phone).value() : null);
    }

    /** Runs a look-up by code and phone under the limits; a wrong phone (or an unknown code) counts against the code. */
    <T> T lookUp(HttpServletRequest request, String code, Supplier<T> action) {
        String key = CaseCodes.normalise(code);
        String bucket = key.isEmpty() || key.length() > 12 ? null : "agency:" + key;
        limits.consume(Kind.LOOKUP_ADDRESS, request);
        limits.consume(Kind.LOOKUP_CODE, bucket);
        limits.checkNotExhausted(Kind.CODE_FAILURES, bucket);
        try {
            return action.get();
        } catch (InvalidInputException e) {
            if (bucket != null && CaseStatus.NOT_FOUND.equals(e.problems().get("code"))) {
                limits.recordFailure(Kind.CODE_FAILURES, bucket);
            }
            throw e;
        }
    }
}
