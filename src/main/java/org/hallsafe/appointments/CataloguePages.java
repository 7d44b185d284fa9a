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

/** The catalogue of items, the opening calendar with the booking rules and postponed opening, and the figures. */
@Controller
class CataloguePages {

    private static final String EDIT = "hasAuthority(T(org.hallsafe.platform.Permissions).APPOINTMENTS_EDIT)";
    private static final String VIEW = "hasAuthority(T(org.hallsafe.platform.Permissions).APPOINTMENTS_VIEW)";

    private final Catalogue catalogue;
    private final Figures figures;
    private final Directory directory;
    private final Clock clock;
    private final org.hallsafe.notice.Notices notices;
    private final HallCalendar calendar;

    CataloguePages(Catalogue catalogue, Figures figures, Directory directory, Clock clock, org.hallsafe.notice.Notices notices, HallCalendar calendar) {
        this.catalogue = catalogue;
        this.figures = figures;
        this.directory = directory;
        this.clock = clock;
        this.notices = notices;
        this.calendar = calendar;
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
        model.addAttribute("calendarDays", calendar.days(site(), LocalDate.now(clock)));
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
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime opens,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime closes,
            RedirectAttributes redirect) {
        try {
            calendar.saveDay(site(), day, open, opens, closes, note);
            redirect.addFlashAttribute("daySaved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("dayProblem", e.messageKey());
            // what was typed comes back into the form
            java.util.HashMap<String, String> typed = new java.util.HashMap<>();
            typed.put("day", day == null ? "" : day.toString());
            typed.put("open", String.valueOf(open));
            typed.put("note", note);
            typed.put("opens", opens == null ? "" : opens.toString());
            typed.put("closes", closes == null ? "" : closes.toString());
            redirect.addFlashAttribute("dayTyped", typed);
        }
        return "redirect:/appointments/calendar#days";
    }

    @PostMapping("/appointments/calendar/days/{id}/delete")
    @PreAuthorize(EDIT)
    String deleteDay(@PathVariable long id) {
        calendar.deleteDay(site(), id);
        return "redirect:/appointments/calendar#days";
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
        return "appointments/figures";
    }

    private static long site() {
        return CurrentUser.get().siteId();
    }
}
