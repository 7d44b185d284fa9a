package org.hallsafe.appointments;

import java.time.LocalDate;
import java.util.NoSuchElementException;

import io.nayuki.qrcodegen.QrCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.TooManyRequestsException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizens' booking pages, without an account, made for a phone and the WeChat in-app browser: item, then day
 * and slot with the places left, then name, document and phone, then a short code and its QR code. The code and the
 * phone together find, cancel or move the booking; the code alone finds nothing here (issue 12). Anonymous requests
 * are rate-limited ({@link PublicLimits}): over a limit the page comes back with 429 and the wait in words.
 */
@Controller
class PublicBookingPages {

    private final Catalogue catalogue;
    private final Slots slots;
    private final Bookings bookings;
    private final SmsChallenges challenges;
    private final SlotPicker picker;
    private final PublicLimits limits;
    private final CitizenCallStream calls;
    private final PublicHall publicHall;

    PublicBookingPages(Catalogue catalogue, Slots slots, Bookings bookings, SmsChallenges challenges, SlotPicker picker,
            PublicLimits limits, CitizenCallStream calls, PublicHall publicHall) {
        this.publicHall = publicHall;
        this.limits = limits;
        this.calls = calls;
        this.picker = picker;
        this.catalogue = catalogue;
        this.slots = slots;
        this.bookings = bookings;
        this.challenges = challenges;
    }

    @GetMapping("/appointments/book")
    String items(@RequestParam(required = false) String hall, Model model) {
        SiteView site = hall(hall, model);
        model.addAttribute("items", catalogue.items(site.id(), false));
        return "appointments/book";
    }

    @GetMapping("/appointments/book/slots")
    String slots(@RequestParam(required = false) String hall, @RequestParam long item,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        SiteView site = hall(hall, model);
        if (settings(model).postponed()) {
            return "redirect:" + link("/appointments/book", site);
        }
        picker.pick(site.id(), item, day, null, model);
        return "appointments/book-slots";
    }

    @GetMapping("/appointments/book/form")
    String form(@RequestParam(required = false) String hall, @RequestParam long item, @RequestParam long slot,
            HttpServletRequest request, Model model) {
        SiteView site = hall(hall, model);
        model.addAttribute("form", BookingForm.empty(item, slot, channel(request)));
        return formPage(site, item, slot, model);
    }

    @PostMapping("/appointments/book")
    String book(@RequestParam(required = false) String hall, @Valid @ModelAttribute("form") BookingForm form,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        SiteView site = hall(hall, model);
        BookingForm f = form.from(channel(request));
        try {
            limits.booking(request, f);
        } catch (TooManyRequestsException e) {
            tooMany(e, response, model);
            return formPage(site, form.itemId(), form.slotId(), model);
        }
        // the shape is checked by @Valid, not again by the booking; the rules go beside it, everything at once
        var booked = FormSubmission.save(binding, f.ruleProblems(settings(model).smsVerification(), true),
                picker.offeringNext(model, () -> bookings.bookShaped(site.id(), f)));
        if (booked.isPresent()) {
            // the code travels in the session's flash, not in the address: the confirmation is shown once, to the
            // person who just booked, and /appointments/booked answers nothing to a guessed code
            redirect.addFlashAttribute(BOOKED, booked.get().code());
            return "redirect:" + link("/appointments/booked", site);
        }
        return formPage(site, form.itemId(), form.slotId(), model);
    }

    static final String BOOKED = "bookedCode";

    /** The page's answer to a rate limit: 429, {@code Retry-After}, and the wait in words above the form. */
    static void tooMany(TooManyRequestsException e, HttpServletResponse response, Model model) {
        e.applyTo(response);
        model.addAttribute("rateLimitMinutes", e.minutes());
    }

    private String formPage(SiteView site, Long itemId, Long slotId, Model model) {
        if (itemId == null || slotId == null) {
            throw NotFoundException.of("item or slot");
        }
        model.addAttribute("item", catalogue.item(site.id(), itemId));
        model.addAttribute("slot", slots.slot(site.id(), slotId));
        model.addAttribute("docTypes", AppointmentForms.DOC_TYPES);
        model.addAttribute("retentionDays", publicHall.retentionDays());
        return "appointments/book-form";
    }

    /**
     * Sends the verification code (htmx): a word beside the field says it went, or why not. Without an SMS gateway no
     * code can reach the phone: the page says so and sends none (issue 20, item 5).
     */
    @PostMapping("/appointments/book/sms")
    String sms(@RequestParam(required = false) String hall, @RequestParam(defaultValue = "") String phone,
            @RequestParam(required = false) Long itemId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        SiteView site = hall(hall, model);
        try {
            limits.sms(request, phone);
            if (publicHall.smsGateway()) {
                challenges.send(site.id(), phone, itemId);
                model.addAttribute("smsSent", true);
            } else {
                model.addAttribute("smsProblem", "appointments.sms.noGateway");
            }
        } catch (InvalidInputException e) {
            model.addAttribute("smsProblem", e.messageKey());
        } catch (TooManyRequestsException e) {
            tooMany(e, response, model);
        }
        return "appointments/book-form :: smsState";
    }

    /**
     * The confirmation, right after booking: the code comes from the flash of the booking's redirect. Opened again
     * (reloaded, or with a code in the address) it sends the person to "my booking", where code and phone are asked.
     */
    @GetMapping("/appointments/booked")
    String booked(@RequestParam(required = false) String hall, Model model) {
        SiteView site = hall(hall, model);
        Object code = model.getAttribute(BOOKED);
        var booking = code instanceof String c ? bookings.find(site.id(), c) : java.util.Optional.<Bookings.Booking>empty();
        if (booking.isEmpty()) {
            return "redirect:" + link("/appointments/manage", site);
        }
        model.addAttribute("booking", booking.get());
        model.addAttribute("callStream", calls.tokenIfCallableToday(booking.get(), site.id()));
        return "appointments/booked";
    }

    /** The booking's QR code: it holds the code itself, which the gate's scanner types into the check-in field. */
    @GetMapping(value = "/appointments/qr/{code}.svg")
    ResponseEntity<String> qr(@PathVariable String code) {
        String text = Bookings.normaliseCode(code);
        if (text.isEmpty() || text.length() > 12) {
            throw NotFoundException.of("code");
        }
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 2;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
        return ResponseEntity.ok().header("Content-Type", "image/svg+xml")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1))).body(svg);
    }

    // ---- cancel or move, with code and phone

    @GetMapping("/appointments/manage")
    String manage(@RequestParam(required = false) String hall, @RequestParam(required = false) String code, Model model) {
        hall(hall, model);
        model.addAttribute("code", code == null ? "" : code);
        model.addAttribute("phone", "");
        return "appointments/manage";
    }

    @PostMapping("/appointments/manage")
    String find(@RequestParam(required = false) String hall, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String phone, @RequestParam(required = false) String action,
            @RequestParam(required = false) Long slotId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        SiteView site = hall(hall, model);
        model.addAttribute("code", code);
        model.addAttribute("phone", phone);
        try {
            Bookings.Booking b = limits.lookup(request, code, () -> "cancel".equals(action)
                    ? bookings.cancel(site.id(), code, phone)
                    : "move".equals(action) ? bookings.reschedule(site.id(), code, phone, slotId)
                    : bookings.mine(site.id(), code, phone));
            model.addAttribute("booking", b);
            model.addAttribute("done", action);
            model.addAttribute("callStream", calls.tokenIfCallableToday(b, site.id()));
            if (b.active()) {
                picker.pick(site.id(), b.itemId(), day, null, model);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            if (e instanceof Bookings.SlotFullException full) {
                Bookings.Booking unchanged = bookings.mine(site.id(), code, phone);
                model.addAttribute("booking", unchanged);
                model.addAttribute("next", full.next());
                picker.pick(site.id(), unchanged.itemId(), day, null, model);
            }
        } catch (TooManyRequestsException e) {
            tooMany(e, response, model);
        }
        return "appointments/manage";
    }

    // ----

    private SiteView hall(String code, Model model) {
        SiteView site = publicHall.show(code, model);
        model.addAttribute("postponedNotice", catalogue.postponedNotice(site.id()).orElse(null));
        return site;
    }

    private static Catalogue.Settings settings(Model model) {
        return (Catalogue.Settings) model.getAttribute("settings");
    }

    static String link(String path, SiteView site) {
        return UriComponentsBuilder.fromPath(path).queryParam("hall", site.code()).build().toUriString();
    }

    /** WeChat's in-app browser names itself MicroMessenger; everything else is the web. */
    static Channel channel(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent != null && agent.contains("MicroMessenger") ? Channel.WECHAT : Channel.WEB;
    }
}
