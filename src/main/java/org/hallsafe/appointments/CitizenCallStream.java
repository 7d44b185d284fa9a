package org.hallsafe.appointments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PersonalData;
import org.hallsafe.platform.RateLimits;
import org.hallsafe.platform.TooManyRequestsException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of a citizen's own booking page: when a window calls the booking, the page says "请到 3 号窗口".
 * The page gets the stream's address only after the code and the phone were both given (the confirmation right
 * after booking, or "my booking"): the address carries a token signed with the hall's lookup key that names the
 * booking and expires a day after its slot. The code alone opens nothing. The stream sends the window's number and
 * nothing else; opening it counts against the limit on anonymous reads per address.
 */
@Controller
class CitizenCallStream {

    private final LiveUpdates live;
    private final PersonalData personalData;
    private final RateLimits limits;
    private final Clock clock;

    CitizenCallStream(LiveUpdates live, PersonalData personalData, RateLimits limits, Clock clock) {
        this.live = live;
        this.personalData = personalData;
        this.limits = limits;
        this.clock = clock;
    }

    static String stream(long bookingId) {
        return "booking:" + bookingId;
    }

    /**
     * The token for a booking whose code and phone were just checked, when a call can come today (booked, arrived or
     * called, for today's slot); null otherwise, and the page shows nothing about calls.
     */
    String tokenIfCallableToday(Bookings.Booking b, long siteId) {
        boolean today = b.startsAt().atZone(clock.getZone()).toLocalDate().equals(java.time.LocalDate.now(clock));
        boolean waiting = b.status() == AppointmentForms.Status.BOOKED || b.status() == AppointmentForms.Status.ARRIVED
                || b.status() == AppointmentForms.Status.CALLED;
        return today && waiting ? token(b, siteId) : null;
    }

    private String token(Bookings.Booking b, long siteId) {
        long expires = b.endsAt().plus(Duration.ofDays(1)).getEpochSecond();
        return siteId + "." + b.id() + "." + expires + "." + sign(siteId, b.id(), expires);
    }

    /** 404 for a token that is not one (or expired), 429 over the per-address limit; no page, it is a stream. */
    @GetMapping(path = "/appointments/live/{token}", produces = "text/event-stream")
    ResponseEntity<SseEmitter> stream(@PathVariable String token, HttpServletRequest request) {
        try {
            limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
            return ResponseEntity.ok(open(token));
        } catch (TooManyRequestsException e) {
            return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.seconds())).build();
        } catch (NotFoundException | NoSuchElementException e) {
            return ResponseEntity.notFound().build();
        }
    }

    private SseEmitter open(String token) {
        String[] parts = token.split("\\.", 4);
        if (parts.length != 4 || parts[0].length() > 19 || parts[1].length() > 19 || parts[2].length() > 19) {
            throw NotFoundException.of("token");
        }
        long site;
        long booking;
        long expires;
        try {
            site = Long.parseLong(parts[0]);
            booking = Long.parseLong(parts[1]);
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw NotFoundException.of("token");
        }
        boolean valid = MessageDigest.isEqual(sign(site, booking, expires).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII));
        if (!valid || expires < clock.instant().getEpochSecond()) {
            throw NotFoundException.of("token");
        }
        return live.subscribeStream(stream(booking), site, Set.of(), "ok");
    }

    private String sign(long site, long booking, long expires) {
        byte[] mac = personalData.lookupHash("booking-live:" + site + ":" + booking + ":" + expires);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 18));
    }
}
