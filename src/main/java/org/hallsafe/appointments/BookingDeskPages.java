package org.hallsafe.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.hallsafe.appointments.AppointmentForms.BookingForm;
import org.hallsafe.appointments.AppointmentForms.Channel;
import org.hallsafe.appointments.AppointmentForms.GenerateForm;
import org.hallsafe.appointments.AppointmentForms.HoursForm;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.AppointmentForms.SettingsForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's day with bookings: booking for a caller or a walk-in at the desk, and the day's list per window with
 * "call the next person" and "served".
 */
@Controller
class BookingDeskPages {


    private final Catalogue catalogue;
    private final Bookings bookings;
    private final WindowQueue queue;
    private final Directory directory;
    private final StaffDirectory staff;
    private final SlotPicker picker;
    private final Clock clock;

    BookingDeskPages(Catalogue catalogue, Bookings bookings, WindowQueue queue, Directory directory, StaffDirectory staff, SlotPicker picker, Clock clock) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.queue = queue;
        this.directory = directory;
        this.staff = staff;
        this.picker = picker;
        this.clock = clock;
    }

    // ---- booking for a caller or a walk-in

    @GetMapping("/appointments/desk")
    @RequiresPermission(Permissions.BOOK_FOR)
    String desk(SignedIn who, @RequestParam(required = false) Long item, Model model) {
        model.addAttribute("form", BookingForm.empty(item, null, Channel.PHONE));
        return deskPage(who, item, null, model);
    }

    /** The slot picker (htmx) of the desk and of the call form: the item's days and the chosen day's slots. */
    @GetMapping("/appointments/desk/slots")
    @RequiresPermission(Permissions.BOOK_FOR)
    String deskSlots(SignedIn who, @RequestParam(required = false) Long itemId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Long slotId, Model model) {
        if (itemId != null) {
            picker.pick(who.siteId(), itemId, day, slotId, model);
        }
        return "appointments/parts :: slotPicker";
    }

    @PostMapping("/appointments/desk")
    @RequiresPermission(Permissions.BOOK_FOR)
    String bookFor(SignedIn who, @Valid @ModelAttribute("form") BookingForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Channel channel = form.channel() == Channel.WALK_IN ? Channel.WALK_IN : Channel.PHONE;
        BookingForm f = new BookingForm(form.submissionId(), form.itemId(), form.slotId(), form.name(), form.docType(),
                form.docNo(), form.phone(), null, channel);
        var booked = FormSubmission.save(binding, picker.offeringNext(model, () -> bookings.bookShaped(who.siteId(), f)));
        if (booked.isPresent()) {
            return "redirect:/appointments/desk/booked/" + booked.get().id();
        }
        return deskPage(who, form.itemId(), form.slotId(), model);
    }

    @GetMapping("/appointments/desk/booked/{id}")
    @RequiresPermission(Permissions.BOOK_FOR)
    String bookedFor(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("booking", bookings.byId(who.siteId(), id));
        return "appointments/desk-booked";
    }

    private String deskPage(SignedIn who, Long item, Long slot, Model model) {
        model.addAttribute("items", catalogue.items(who.siteId(), false));
        model.addAttribute("docTypes", AppointmentForms.DOC_TYPES);
        if (item != null) {
            picker.pick(who.siteId(), item, null, slot, model);
        }
        return "appointments/desk";
    }

    // ---- the day at the hall and at a window

    @GetMapping("/appointments")
    @RequiresPermission({Permissions.WINDOW_CALL, Permissions.APPOINTMENTS_VIEW})
    String day(SignedIn who, @RequestParam(required = false) Long window,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "false") boolean counted,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (window != null) {
            directory.window(who.siteId(), window);
        }
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        Long w = window != null ? window : staff.byAccount(who.siteId(), who.accountId())
                .map(s -> s.windowId()).orElse(null);
        model.addAttribute("windows", directory.windows(who.siteId(), "", false));
        model.addAttribute("window", w);
        model.addAttribute("day", d);
        model.addAttribute("isToday", d.equals(LocalDate.now(clock)));
        model.addAttribute("counted", counted);
        model.addAttribute("bookings", bookings.day(who.siteId(), w, d).stream()
                .filter(b -> !counted || BookingMeasure.counted(b.status())).toList());
        return htmx != null ? "appointments/day :: list" : "appointments/day";
    }

    @PostMapping("/appointments/window/{window}/next")
    @RequiresPermission(Permissions.WINDOW_CALL)
    String callNext(SignedIn who, @PathVariable long window, RedirectAttributes redirect) {
        directory.window(who.siteId(), window);
        var called = bookings.callNext(who.siteId(), window);
        redirect.addFlashAttribute(called.isPresent() ? "called" : "nobody", called.map(Bookings.Booking::code).orElse("-"));
        return "redirect:/appointments?window=" + window;
    }

    @PostMapping("/appointments/bookings/{id}/done")
    @RequiresPermission(Permissions.WINDOW_CALL)
    String done(SignedIn who, @PathVariable long id) {
        queue.done(who.siteId(), id);
        return "redirect:/appointments?window=" + bookings.byId(who.siteId(), id).windowId();
    }

}
