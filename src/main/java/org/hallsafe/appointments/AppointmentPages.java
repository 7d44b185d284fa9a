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
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The staff's appointment pages: booking for a caller or a walk-in, the day's list per window with "call the next
 * person", slots and capacities, the catalogue and calendar with postponed opening, and the figures.
 */
@Controller
class AppointmentPages {

    private static final String BOOK_FOR = "hasAuthority(T(org.hallsafe.platform.Permissions).BOOK_FOR)";
    private static final String WINDOW = "hasAuthority(T(org.hallsafe.platform.Permissions).WINDOW_CALL)";
    private static final String EDIT = "hasAuthority(T(org.hallsafe.platform.Permissions).APPOINTMENTS_EDIT)";
    private static final String VIEW = "hasAuthority(T(org.hallsafe.platform.Permissions).APPOINTMENTS_VIEW)";

    private final Catalogue catalogue;
    private final Slots slots;
    private final Bookings bookings;
    private final Figures figures;
    private final Directory directory;
    private final StaffDirectory staff;
    private final SlotPicker picker;
    private final Clock clock;

    private final org.hallsafe.notice.Notices notices;

    AppointmentPages(Catalogue catalogue, Slots slots, Bookings bookings, Figures figures, Directory directory,
            StaffDirectory staff, SlotPicker picker, Clock clock, org.hallsafe.notice.Notices notices) {
        this.notices = notices;
        this.catalogue = catalogue;
        this.slots = slots;
        this.bookings = bookings;
        this.figures = figures;
        this.directory = directory;
        this.staff = staff;
        this.picker = picker;
        this.clock = clock;
    }

    // ---- booking for a caller or a walk-in

    @GetMapping("/appointments/desk")
    @PreAuthorize(BOOK_FOR)
    String desk(@RequestParam(required = false) Long item, Model model) {
        model.addAttribute("form", BookingForm.empty(item, null, Channel.PHONE));
        return deskPage(item, null, model);
    }

    /** The slot picker (htmx) of the desk and of the call form: the item's days and the chosen day's slots. */
    @GetMapping("/appointments/desk/slots")
    @PreAuthorize(BOOK_FOR)
    String deskSlots(@RequestParam(required = false) Long itemId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Long slotId, Model model) {
        if (itemId != null) {
            picker.pick(site(), itemId, day, slotId, model);
        }
        return "appointments/parts :: slotPicker";
    }

    @PostMapping("/appointments/desk")
    @PreAuthorize(BOOK_FOR)
    String bookFor(@Valid @ModelAttribute("form") BookingForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Channel channel = form.channel() == Channel.WALK_IN ? Channel.WALK_IN : Channel.PHONE;
        BookingForm f = new BookingForm(form.submissionId(), form.itemId(), form.slotId(), form.name(), form.docType(),
                form.docNo(), form.phone(), null, channel);
        var booked = FormSubmission.save(binding, picker.offeringNext(model, () -> bookings.book(site(), f)));
        if (booked.isPresent()) {
            return "redirect:/appointments/desk/booked/" + booked.get().id();
        }
        return deskPage(form.itemId(), form.slotId(), model);
    }

    @GetMapping("/appointments/desk/booked/{id}")
    @PreAuthorize(BOOK_FOR)
    String bookedFor(@PathVariable long id, Model model) {
        model.addAttribute("booking", bookings.byId(site(), id));
        return "appointments/desk-booked";
    }

    private String deskPage(Long item, Long slot, Model model) {
        model.addAttribute("items", catalogue.items(site(), false));
        model.addAttribute("docTypes", AppointmentForms.DOC_TYPES);
        if (item != null) {
            picker.pick(site(), item, null, slot, model);
        }
        return "appointments/desk";
    }

    // ---- the day at the hall and at a window

    @GetMapping("/appointments")
    @PreAuthorize(WINDOW + " or " + VIEW)
    String day(@RequestParam(required = false) Long window,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (window != null) {
            directory.window(site(), window);
        }
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        Long w = window != null ? window : staff.byAccount(site(), CurrentUser.get().accountId())
                .map(s -> s.windowId()).orElse(null);
        model.addAttribute("windows", directory.windows(site(), "", false));
        model.addAttribute("window", w);
        model.addAttribute("day", d);
        model.addAttribute("isToday", d.equals(LocalDate.now(clock)));
        model.addAttribute("bookings", bookings.day(site(), w, d));
        return htmx != null ? "appointments/day :: list" : "appointments/day";
    }

    @PostMapping("/appointments/window/{window}/next")
    @PreAuthorize(WINDOW)
    String callNext(@PathVariable long window, RedirectAttributes redirect) {
        directory.window(site(), window);
        var called = bookings.callNext(site(), window);
        redirect.addFlashAttribute(called.isPresent() ? "called" : "nobody", called.map(Bookings.Booking::code).orElse("-"));
        return "redirect:/appointments?window=" + window;
    }

    @PostMapping("/appointments/bookings/{id}/done")
    @PreAuthorize(WINDOW)
    String done(@PathVariable long id) {
        bookings.done(site(), id);
        return "redirect:/appointments?window=" + bookings.byId(site(), id).windowId();
    }

    // ---- slots

    @GetMapping("/appointments/slots")
    @PreAuthorize(EDIT)
    String slotsPage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Catalogue.Settings s = catalogue.settings(site());
        model.addAttribute("generate", new GenerateForm(today.plusDays(1), today.plusDays(14),
                directory.windows(site(), "", false).stream().map(w -> w.id()).toList(), s.windowCapacity(), s.hallCap(), null));
        return slotGrid(day == null ? today.plusDays(1) : day, model);
    }

    private String slotGrid(LocalDate day, Model model) {
        List<Slots.Slot> list = slots.day(site(), day);
        model.addAttribute("day", day);
        model.addAttribute("slots", list);
        model.addAttribute("times", list.stream().map(Slots.Slot::startsAt).distinct().sorted().toList());
        java.util.Map<String, Slots.Slot> grid = new java.util.HashMap<>();
        list.forEach(s -> {
            grid.put(s.windowId() + "@" + s.startsAt(), s);
            grid.putIfAbsent("hall@" + s.startsAt(), s);
        });
        model.addAttribute("grid", grid);
        model.addAttribute("windows", directory.windows(site(), "", false));
        model.addAttribute("unreleased", list.stream().anyMatch(s -> s.releasedAt().isAfter(clock.instant())));
        return "appointments/slots";
    }

    @PostMapping("/appointments/slots/generate")
    @PreAuthorize(EDIT)
    String generate(@ModelAttribute("generate") GenerateForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        var made = FormSubmission.save(binding, () -> slots.generate(site(), form));
        if (made.isPresent()) {
            redirect.addFlashAttribute("generated", made.get());
            return "redirect:/appointments/slots?day=" + form.from();
        }
        model.addAttribute("generateOpen", true);
        return slotGrid(form.from() == null ? LocalDate.now(clock).plusDays(1) : form.from(), model);
    }

    @PostMapping("/appointments/slots/{id}/capacity")
    @PreAuthorize(EDIT)
    String capacity(@PathVariable long id, @RequestParam(required = false) Integer capacity, RedirectAttributes redirect) {
        Slots.Slot slot = slots.slot(site(), id);
        try {
            slots.changeCapacity(site(), id, capacity);
            redirect.addFlashAttribute("changed", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/appointments/slots?day=" + slot.startsAt().atZone(clock.getZone()).toLocalDate();
    }

    @PostMapping("/appointments/slots/hall-cap")
    @PreAuthorize(EDIT)
    String hallCap(@RequestParam Instant startsAt, @RequestParam(required = false) Integer cap, RedirectAttributes redirect) {
        try {
            slots.changeHallCap(site(), startsAt, cap);
            redirect.addFlashAttribute("changed", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/appointments/slots?day=" + startsAt.atZone(clock.getZone()).toLocalDate();
    }

    @PostMapping("/appointments/slots/release")
    @PreAuthorize(EDIT)
    String release(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        redirect.addFlashAttribute("released", slots.releaseDay(site(), day));
        return "redirect:/appointments/slots?day=" + day;
    }

    // ---- the catalogue

    @GetMapping("/appointments/items")
    @PreAuthorize(EDIT)
    String items(@RequestParam(defaultValue = "false") boolean retired, Model model) {
        model.addAttribute("items", catalogue.items(site(), retired));
        model.addAttribute("retired", retired);
        return "appointments/items";
    }

    @GetMapping("/appointments/items/new")
    @PreAuthorize(EDIT)
    String newItem(Model model) {
        model.addAttribute("form", new ItemForm("", 15, "", "", false, List.of()));
        return itemPage(null, model);
    }

    @GetMapping("/appointments/items/{id}")
    @PreAuthorize(EDIT)
    String editItem(@PathVariable long id, Model model) {
        model.addAttribute("form", ItemForm.of(catalogue.item(site(), id)));
        return itemPage(id, model);
    }

    @PostMapping({"/appointments/items", "/appointments/items/{id}"})
    @PreAuthorize(EDIT)
    String saveItem(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") ItemForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> catalogue.saveItem(site(), id, form))) {
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/appointments/items";
        }
        return itemPage(id, model);
    }

    @PostMapping("/appointments/items/{id}/retire")
    @PreAuthorize(EDIT)
    String retireItem(@PathVariable long id, RedirectAttributes redirect) {
        catalogue.retireItem(site(), id);
        redirect.addFlashAttribute("retiredName", catalogue.item(site(), id).name());
        return "redirect:/appointments/items";
    }

    private String itemPage(Long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("windows", directory.windows(site(), "", false));
        return "appointments/item-form";
    }

    // ---- calendar and rules

    @GetMapping("/appointments/calendar")
    @PreAuthorize(EDIT)
    String calendar(@RequestParam(required = false) Long window, Model model) {
        if (window != null) {
            directory.window(site(), window);
        }
        model.addAttribute("settingsForm", SettingsForm.of(catalogue.settings(site())));
        model.addAttribute("hours", HoursForm.of(window, catalogue.hours(site(), window)));
        return calendarPage(window, model);
    }

    private String calendarPage(Long window, Model model) {
        model.addAttribute("postponedNotice", notices.postponedOpening(site()).orElse(null));
        model.addAttribute("window", window);
        model.addAttribute("windows", directory.windows(site(), "", false));
        model.addAttribute("ownHours", window != null && catalogue.hasOwnHours(site(), window));
        model.addAttribute("weekdays", java.time.DayOfWeek.values());
        model.addAttribute("calendarDays", catalogue.calendarDays(site(), LocalDate.now(clock)));
        model.addAttribute("slotLengths", List.of(10, 15, 20, 30, 60));
        return "appointments/calendar";
    }

    @PostMapping("/appointments/settings")
    @PreAuthorize(EDIT)
    String saveSettings(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, catalogue.ruleProblems(site(), form), () -> catalogue.saveSettings(site(), form))) {
            redirect.addFlashAttribute("settingsSaved", true);
            return "redirect:/appointments/calendar";
        }
        model.addAttribute("hours", HoursForm.of(null, catalogue.hours(site(), null)));
        return calendarPage(null, model);
    }

    @PostMapping("/appointments/calendar/hours")
    @PreAuthorize(EDIT)
    String saveHours(@ModelAttribute("hours") HoursForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> catalogue.saveHours(site(), form))) {
            redirect.addFlashAttribute("hoursSaved", true);
            return "redirect:/appointments/calendar" + (form.windowId() == null ? "" : "?window=" + form.windowId());
        }
        model.addAttribute("settingsForm", SettingsForm.of(catalogue.settings(site())));
        return calendarPage(form.windowId(), model);
    }

    @PostMapping("/appointments/calendar/days")
    @PreAuthorize(EDIT)
    String saveDay(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            catalogue.saveCalendarDay(site(), day, open, note);
            redirect.addFlashAttribute("daySaved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("dayProblem", e.messageKey());
        }
        return "redirect:/appointments/calendar";
    }

    @PostMapping("/appointments/calendar/days/{id}/delete")
    @PreAuthorize(EDIT)
    String deleteDay(@PathVariable long id) {
        catalogue.deleteCalendarDay(site(), id);
        return "redirect:/appointments/calendar";
    }

    // ---- figures

    @GetMapping("/appointments/figures")
    @PreAuthorize(VIEW)
    String figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null || from.isAfter(t) ? t.minusDays(13) : from;
        if (f.isBefore(t.minusDays(92))) {
            f = t.minusDays(92);
        }
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("report", figures.report(site(), f, t));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("outcomes", AppointmentForms.Outcome.values());
        return "appointments/figures";
    }

    private static long site() {
        return CurrentUser.get().siteId();
    }
}
