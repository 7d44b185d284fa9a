package org.hallsafe.appointments;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointments for WeChat pages and other systems. {@code /public/…} needs no account (a citizen books, cancels and
 * moves with the code and phone); the rest is for signed-in staff. A full slot answers 409 with the next free slots.
 */
@RestController
@ApiErrors.JsonApi
@RequestMapping("/api/v1/appointments")
@Tag(name = "Appointments", description = "R-SVC-2, R-SVC-3: items, slots and bookings")
class AppointmentsApi {

    private final Catalogue catalogue;
    private final Slots slots;
    private final Bookings bookings;
    private final org.springframework.context.MessageSource messages;
    private final PublicLimits limits;

    AppointmentsApi(Catalogue catalogue, Slots slots, Bookings bookings,
            org.springframework.context.MessageSource messages, PublicLimits limits) {
        this.limits = limits;
        this.messages = messages;
        this.catalogue = catalogue;
        this.slots = slots;
        this.bookings = bookings;
    }

    /** A booking as the API answers it: no personal data beyond the masked forms. */
    record BookingView(String code, String item, int windowNumber, String windowName, java.time.Instant startsAt,
            java.time.Instant endsAt, String name, String docMasked, String phoneMasked, Channel channel,
            AppointmentForms.Status status, String materials) {

        static BookingView of(Bookings.Booking b) {
            return new BookingView(b.code(), b.itemName(), b.windowNumber(), b.windowName(), b.startsAt(), b.endsAt(),
                    b.maskedName(), b.docMasked(), b.phoneMasked(), b.channel(), b.status(), b.materials());
        }
    }

    /** A slot offered to citizens. */
    record SlotView(long id, int windowNumber, java.time.Instant startsAt, java.time.Instant endsAt, int remaining) {

        static SlotView of(Slots.Slot s) {
            return new SlotView(s.id(), s.windowNumber(), s.startsAt(), s.endsAt(), s.remaining());
        }
    }

    record Change(String phone, Long slotId) {
    }

    @GetMapping("/public/items")
    @Operation(summary = "The hall's items with duration, materials, online link and agency service; and whether opening is postponed")
    List<Catalogue.Item> items(@RequestParam(required = false) String hall) {
        return catalogue.items(site(hall), false);
    }

    @GetMapping("/public/slots")
    @Operation(summary = "An item's released slots of a day with the places left")
    List<SlotView> slots(@RequestParam(required = false) String hall, @RequestParam long item,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return slots.open(site(hall), item, day).stream().map(SlotView::of).toList();
    }

    @PostMapping("/public/bookings")
    @Operation(summary = "Book (web or WeChat); the same submissionId books once; 409 when the slot is full")
    ResponseEntity<BookingView> book(@RequestParam(required = false) String hall, @Valid @RequestBody BookingForm form,
            org.springframework.validation.BindingResult binding, HttpServletRequest request)
            throws org.springframework.validation.BindException {
        BookingForm f = form.from(PublicBookingPages.channel(request));
        long site = site(hall);
        limits.booking(request, f);
        if (binding.hasErrors()) {
            // refused after the attempt is counted, so ill-formed guesses (ID numbers) use up the limit too
            throw new org.springframework.validation.BindException(binding);
        }
        Bookings.Booking b = bookings.bookShaped(site, f);
        return ResponseEntity.created(URI.create("/api/v1/appointments/public/bookings/" + b.code())).body(BookingView.of(b));
    }

    @PostMapping("/public/bookings/{code}/cancel")
    @Operation(summary = "Cancel with the code and the phone it was booked with")
    BookingView cancel(@RequestParam(required = false) String hall, @PathVariable String code, @RequestBody Change change,
            HttpServletRequest request) {
        long site = site(hall);
        return BookingView.of(limits.lookup(request, code, () -> bookings.cancel(site, code, change.phone())));
    }

    @PostMapping("/public/bookings/{code}/reschedule")
    @Operation(summary = "Move to another slot of the same item, with the code and the phone")
    BookingView reschedule(@RequestParam(required = false) String hall, @PathVariable String code,
            @RequestBody Change change, HttpServletRequest request) {
        long site = site(hall);
        return BookingView.of(limits.lookup(request, code, () -> bookings.reschedule(site, code, change.phone(),
                change.slotId())));
    }

    @PostMapping("/bookings")
    @RequiresPermission(Permissions.BOOK_FOR)
    @Operation(summary = "Book for a caller (PHONE) or a walk-in (WALK_IN), under the same rules")
    ResponseEntity<BookingView> bookFor(SignedIn who, @Valid @RequestBody BookingForm form) {
        Channel channel = form.channel() == Channel.WALK_IN ? Channel.WALK_IN : Channel.PHONE;
        BookingForm f = new BookingForm(form.submissionId(), form.itemId(), form.slotId(), form.name(), form.docType(),
                form.docNo(), form.phone(), null, channel);
        Bookings.Booking b = bookings.bookShaped(who.siteId(), f);
        return ResponseEntity.status(HttpStatus.CREATED).body(BookingView.of(b));
    }

    @GetMapping("/bookings")
    @RequiresPermission({Permissions.WINDOW_CALL, Permissions.APPOINTMENTS_VIEW})
    @Operation(summary = "A day's bookings of the hall or of one window")
    List<BookingView> day(SignedIn who, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Long window) {
        if (window != null) {
            catalogue.requireWindows(who.siteId(), List.of(window));
        }
        return bookings.day(who.siteId(), window, day).stream().map(BookingView::of).toList();
    }

    @ExceptionHandler(Bookings.SlotFullException.class)
    ResponseEntity<ProblemDetail> full(Bookings.SlotFullException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The slot is full.");
        problem.setTitle("full");
        problem.setProperty("errors", java.util.Map.of("slotId", messages.getMessage(e.messageKey(), null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        problem.setProperty("nextSlots", e.next().stream().map(SlotView::of).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private long site(String hall) {
        return catalogue.hall(hall).orElseThrow(() -> NotFoundException.of("hall", hall)).id();
    }
}
