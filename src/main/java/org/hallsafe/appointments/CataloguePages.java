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

/** The catalogue of items, the opening calendar with the booking rules and postponed opening, and the figures. */
@Controller
class CataloguePages {


    private final Catalogue catalogue;
    private final Figures figures;
    private final Directory directory;
    private final Clock clock;
    private final org.hallsafe.notice.Notices notices;
    private final HallCalendar calendar;
    private final HallLogos logos;

    CataloguePages(Catalogue catalogue, Figures figures, Directory directory, Clock clock, org.hallsafe.notice.Notices notices,
            HallCalendar calendar, HallLogos logos) {
        this.logos = logos;
        this.catalogue = catalogue;
        this.figures = figures;
        this.directory = directory;
        this.clock = clock;
        this.notices = notices;
        this.calendar = calendar;
    }

    // ---- the catalogue

    @GetMapping("/appointments/items")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String items(SignedIn who, @RequestParam(defaultValue = "false") boolean retired, Model model) {
        model.addAttribute("items", catalogue.items(who.siteId(), retired));
        model.addAttribute("retired", retired);
        return "appointments/items";
    }

    @GetMapping("/appointments/items/new")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String newItem(SignedIn who, Model model) {
        model.addAttribute("form", new ItemForm("", 15, "", "", false, List.of()));
        return itemPage(who, null, model);
    }

    @GetMapping("/appointments/items/{id}")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String editItem(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("form", ItemForm.of(catalogue.item(who.siteId(), id)));
        return itemPage(who, id, model);
    }

    @PostMapping({"/appointments/items", "/appointments/items/{id}"})
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String saveItem(SignedIn who, @PathVariable(required = false) Long id, @Valid @ModelAttribute("form") ItemForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> catalogue.saveItem(who.siteId(), id, form))) {
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/appointments/items";
        }
        return itemPage(who, id, model);
    }

    @PostMapping("/appointments/items/{id}/retire")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String retireItem(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        catalogue.retireItem(who.siteId(), id);
        redirect.addFlashAttribute("retiredName", catalogue.item(who.siteId(), id).name());
        return "redirect:/appointments/items";
    }

    private String itemPage(SignedIn who, Long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("windows", directory.windows(who.siteId(), "", false));
        return "appointments/item-form";
    }

    // ---- calendar and rules

    @GetMapping("/appointments/calendar")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String calendar(SignedIn who, @RequestParam(required = false) Long window, Model model) {
        if (window != null) {
            directory.window(who.siteId(), window);
        }
        model.addAttribute("settingsForm", SettingsForm.of(catalogue.settings(who.siteId())));
        model.addAttribute("hours", HoursForm.of(window, catalogue.hours(who.siteId(), window)));
        return calendarPage(who, window, model);
    }

    private String calendarPage(SignedIn who, Long window, Model model) {
        model.addAttribute("postponedNotice", notices.postponedOpening(who.siteId()).orElse(null));
        model.addAttribute("window", window);
        model.addAttribute("windows", directory.windows(who.siteId(), "", false));
        model.addAttribute("ownHours", window != null && catalogue.hasOwnHours(who.siteId(), window));
        model.addAttribute("weekdays", java.time.DayOfWeek.values());
        model.addAttribute("calendarDays", calendar.days(who.siteId(), LocalDate.now(clock)));
        model.addAttribute("slotLengths", List.of(10, 15, 20, 30, 60));
        model.addAttribute("logoHall", logos.exists(who.siteId()) ? directory.site(who.siteId()).code() : null);
        return "appointments/calendar";
    }

    @PostMapping("/appointments/settings")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String saveSettings(SignedIn who, @Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, catalogue.ruleProblems(who.siteId(), form), () -> catalogue.saveSettings(who.siteId(), form))) {
            redirect.addFlashAttribute("settingsSaved", true);
            return "redirect:/appointments/calendar";
        }
        model.addAttribute("hours", HoursForm.of(null, catalogue.hours(who.siteId(), null)));
        return calendarPage(who, null, model);
    }

    @PostMapping("/appointments/calendar/hours")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String saveHours(SignedIn who, @ModelAttribute("hours") HoursForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> catalogue.saveHours(who.siteId(), form))) {
            redirect.addFlashAttribute("hoursSaved", true);
            return "redirect:/appointments/calendar" + (form.windowId() == null ? "" : "?window=" + form.windowId());
        }
        model.addAttribute("settingsForm", SettingsForm.of(catalogue.settings(who.siteId())));
        return calendarPage(who, form.windowId(), model);
    }

    @PostMapping("/appointments/calendar/days")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String saveDay(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime opens,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime closes,
            RedirectAttributes redirect) {
        try {
            calendar.saveDay(who.siteId(), day, open, opens, closes, note);
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
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String deleteDay(SignedIn who, @PathVariable long id) {
        calendar.deleteDay(who.siteId(), id);
        return "redirect:/appointments/calendar#days";
    }

    // ---- figures

    @GetMapping("/appointments/figures")
    @RequiresPermission(Permissions.APPOINTMENTS_VIEW)
    String figures(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null || from.isAfter(t) ? t.minusDays(13) : from;
        if (f.isBefore(t.minusDays(92))) {
            f = t.minusDays(92);
        }
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        Figures.Report report = figures.report(who.siteId(), f, t);
        model.addAttribute("report", report);
        // the call outcomes' words, in their order (duty's outcomes, through the CallOutcomes plug-in)
        model.addAttribute("outcomeKeys", report.outcomes().keySet().stream().map(o -> "duty.outcome." + o).toList());
        model.addAttribute("channels", Channel.values());
        return "appointments/figures";
    }

}
