package org.hallsafe.appointments;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.TooManyRequestsException;
import org.hallsafe.shared.PhoneNumber;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "我的预约" (issue 20, item 5): a citizen types the phone, gets a six-digit SMS code and sees that phone's bookings in
 * the hall, each with its cancel button while it can still be cancelled. Nothing is shown without both phone and code;
 * codes and look-ups are rate-limited ({@link PublicLimits}). The opened list stays open in this browser's session for
 * 15 minutes, held by the phone's lookup hash, never the number. Without an SMS gateway no code can arrive: the page
 * says so and points to the look-up by booking code and phone.
 */
@Controller
class MyBookingPages {

    static final Duration OPEN_FOR = Duration.ofMinutes(15);

    /** The phone whose bookings this session may see, in one hall, until a time. */
    record OpenPhone(long siteId, String phoneHash, String phoneMasked, Instant until) implements Serializable {
    }

    private final PublicHall publicHall;
    private final SmsChallenges challenges;
    private final Bookings bookings;
    private final BookingReads reads;
    private final PublicLimits limits;
    private final Clock clock;

    MyBookingPages(PublicHall publicHall, SmsChallenges challenges, Bookings bookings, BookingReads reads,
            PublicLimits limits, Clock clock) {
        this.reads = reads;
        this.publicHall = publicHall;
        this.challenges = challenges;
        this.bookings = bookings;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/appointments/manage/mine")
    String page(@RequestParam(required = false) String hall, HttpSession session, Model model) {
        SiteView site = publicHall.show(hall, model);
        model.addAttribute("phone", "");
        return page(site, session, model);
    }

    /** Checks phone and code; a right pair opens the list (and uses the code up), a wrong one says which field. */
    @PostMapping("/appointments/manage/mine")
    String open(@RequestParam(required = false) String hall, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String smsCode, HttpServletRequest request, HttpServletResponse response,
            HttpSession session, Model model) {
        SiteView site = publicHall.show(hall, model);
        model.addAttribute("phone", phone);
        try {
            limits.mine(request, phone);
            byte[] hash = challenges.verifyMine(site.id(), phone, smsCode);
            session.setAttribute(key(site), new OpenPhone(site.id(), HexFormat.of().formatHex(hash),
                    new PhoneNumber(phone).masked(), clock.instant().plus(OPEN_FOR)));
            return "redirect:" + PublicBookingPages.link("/appointments/manage/mine", site);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        } catch (TooManyRequestsException e) {
            PublicBookingPages.tooMany(e, response, model);
        }
        return page(site, session, model);
    }

    /** Sends the code (htmx): beside the field, that it went, or why not. */
    @PostMapping("/appointments/manage/mine/sms")
    String sms(@RequestParam(required = false) String hall, @RequestParam(defaultValue = "") String phone,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        SiteView site = publicHall.show(hall, model);
        try {
            limits.sms(request, phone);
            if (publicHall.smsGateway()) {
                challenges.sendMine(site.id(), phone);
                model.addAttribute("smsSent", true);
            } else {
                model.addAttribute("smsProblem", "appointments.sms.noGateway");
            }
        } catch (InvalidInputException e) {
            model.addAttribute("smsProblem", e.problems().values().iterator().next());
        } catch (TooManyRequestsException e) {
            PublicBookingPages.tooMany(e, response, model);
        }
        return "appointments/manage-mine :: smsState";
    }

    /** Cancels one of the open phone's bookings; with the list closed (expired) the page asks for the code again. */
    @PostMapping("/appointments/manage/mine/cancel")
    String cancel(@RequestParam(required = false) String hall, @RequestParam(required = false) Long id,
            HttpSession session, Model model, RedirectAttributes redirect) {
        SiteView site = publicHall.show(hall, model);
        OpenPhone open = opened(site, session);
        if (open == null || id == null) {
            return "redirect:" + PublicBookingPages.link("/appointments/manage/mine", site);
        }
        try {
            bookings.cancelOfPhone(site.id(), HexFormat.of().parseHex(open.phoneHash()), id);
            redirect.addFlashAttribute("cancelled", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("cancelProblem", e.messageKey());
        }
        return "redirect:" + PublicBookingPages.link("/appointments/manage/mine", site);
    }

    /** Closes the list in this browser. */
    @PostMapping("/appointments/manage/mine/close")
    String close(@RequestParam(required = false) String hall, HttpSession session, Model model) {
        SiteView site = publicHall.show(hall, model);
        session.removeAttribute(key(site));
        return "redirect:" + PublicBookingPages.link("/appointments/manage/mine", site);
    }

    private String page(SiteView site, HttpSession session, Model model) {
        OpenPhone open = opened(site, session);
        model.addAttribute("open", open);
        List<Bookings.Booking> mine = open == null ? List.of()
                : reads.byPhone(site.id(), HexFormat.of().parseHex(open.phoneHash()));
        model.addAttribute("mine", mine);
        Instant now = clock.instant();
        model.addAttribute("cancellable", mine.stream().filter(b -> b.active() && b.startsAt().isAfter(now))
                .map(Bookings.Booking::id).toList());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return "appointments/manage-mine";
    }

    private OpenPhone opened(SiteView site, HttpSession session) {
        if (session.getAttribute(key(site)) instanceof OpenPhone open && open.siteId() == site.id()
                && open.until().isAfter(clock.instant())) {
            return open;
        }
        return null;
    }

    private static String key(SiteView site) {
        return "appointments.mine." + site.id();
    }
}
