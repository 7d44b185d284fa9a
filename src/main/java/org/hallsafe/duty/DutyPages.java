package org.hallsafe.duty;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.appointments.AppointmentForms;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.appointments.SlotPicker;
import org.hallsafe.duty.DutyForms.ConsultationForm;
import org.hallsafe.duty.DutyForms.Outcome;
import org.hallsafe.duty.DutyForms.RosterForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.Formats;
import org.hallsafe.platform.LedgerWorkbook;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.platform.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Duty pages: today's posts and calls, the roster, the call form (which can book the caller), the log and exports. */
@Controller
class DutyPages {


    private final Duty duty;
    private final Catalogue catalogue;
    private final Directory directory;
    private final StaffDirectory staff;
    private final SlotPicker picker;
    private final Formats formats;
    private final MessageSource messages;
    private final Clock clock;
    private final Spreadsheets spreadsheets;

    DutyPages(Duty duty, Catalogue catalogue, Directory directory, StaffDirectory staff, SlotPicker picker,
            Formats formats, MessageSource messages, Clock clock, Spreadsheets spreadsheets) {
        this.spreadsheets = spreadsheets;
        this.duty = duty;
        this.catalogue = catalogue;
        this.directory = directory;
        this.staff = staff;
        this.picker = picker;
        this.formats = formats;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/duty")
    @RequiresPermission(Permissions.DUTY_LOG)
    String today(SignedIn who, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("posts", duty.roster(who.siteId(), today, today));
        model.addAttribute("calls", duty.search(who.siteId(), new Duty.Filter(today, today, null, null, ""), 50));
        model.addAttribute("followUps", duty.openFollowUps(who.siteId()));
        model.addAttribute("settings", catalogue.settings(who.siteId()));
        model.addAttribute("postponedNotice", catalogue.postponedNotice(who.siteId()).orElse(null));
        return "duty/today";
    }

    // ---- the roster

    @GetMapping("/duty/roster")
    @RequiresPermission(Permissions.DUTY_LOG)
    String roster(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Long window, Model model) {
        if (window != null) {
            directory.window(who.siteId(), window);
        }
        LocalDate start = day != null ? day : from;
        model.addAttribute("post", new RosterForm(start == null ? LocalDate.now(clock) : start, window, "", null, ""));
        String page = rosterPage(who, start, model);
        if (day != null || window != null) {
            @SuppressWarnings("unchecked")
            List<Duty.Post> posts = (List<Duty.Post>) model.getAttribute("posts");
            model.addAttribute("posts", posts.stream().filter(p -> (day == null || p.day().equals(day))
                    && (window == null || window.equals(p.windowId()))).toList());
        }
        return page;
    }

    private String rosterPage(SignedIn who, LocalDate from, Model model) {
        LocalDate monday = (from == null ? LocalDate.now(clock) : from).with(DayOfWeek.MONDAY);
        model.addAttribute("from", monday);
        model.addAttribute("to", monday.plusDays(6));
        model.addAttribute("posts", duty.roster(who.siteId(), monday, monday.plusDays(6)));
        model.addAttribute("windows", directory.windows(who.siteId(), "", false));
        model.addAttribute("people", staff.search(who.siteId(), "", null, false));
        return "duty/roster";
    }

    @PostMapping("/duty/roster")
    @RequiresPermission(Permissions.DUTY_ROSTER)
    String addPost(SignedIn who, @Valid @ModelAttribute("post") RosterForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, form.ruleProblems(), () -> duty.addPostShaped(who.siteId(), form))) {
            redirect.addFlashAttribute("saved", form.day().toString());
            return "redirect:/duty/roster?from=" + form.day();
        }
        return rosterPage(who, form.day(), model);
    }

    @PostMapping("/duty/roster/{id}/delete")
    @RequiresPermission(Permissions.DUTY_ROSTER)
    String removePost(SignedIn who, @PathVariable long id, @RequestParam(required = false) String from) {
        duty.removePost(who.siteId(), id);
        return "redirect:/duty/roster" + (from == null ? "" : "?from=" + from);
    }

    @GetMapping("/duty/roster/export.xlsx")
    @RequiresPermission(Permissions.DUTY_LOG)
    void exportRoster(SignedIn who, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
            throws IOException {
        spreadsheets.download(response, "duty-roster-" + from + "-" + to, LocaleContextHolder.getLocale(),
                book -> roster(book, who, from, to));
    }

    /** The roster on A4 landscape paper, from the same rows as the export (issue 20, item 4). */
    @GetMapping("/duty/roster/print")
    @RequiresPermission(Permissions.DUTY_LOG)
    String printRoster(SignedIn who, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) throws IOException {
        return spreadsheets.print(model, LocaleContextHolder.getLocale(), book -> roster(book, who, from, to));
    }

    private void roster(LedgerWorkbook book, SignedIn who, LocalDate from, LocalDate to) {
        LedgerWorkbook.Sheet sheet = book.sheet(word("duty.roster.title"), hallName(who), book.period(from, to),
                List.of(word("duty.day"), word("duty.window"), word("duty.phoneLine"), word("duty.person"),
                        word("duty.note")));
        for (Duty.Post p : duty.roster(who.siteId(), from, to)) {
            sheet.row(p.day(), p.windowNumber() == null ? "" : p.windowNumber() + " " + p.windowName(),
                    p.phoneLine(), p.staffName(), p.note());
        }
    }

    // ---- calls

    @GetMapping("/duty/calls/new")
    @RequiresPermission(Permissions.DUTY_LOG)
    String newCall(SignedIn who, Model model) {
        model.addAttribute("form", ConsultationForm.empty(duty.myWindowToday(who.siteId()).orElse(null)));
        return callPage(who, model);
    }

    @PostMapping("/duty/calls")
    @RequiresPermission(Permissions.DUTY_LOG)
    String log(SignedIn who, @Valid @ModelAttribute("form") ConsultationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.save(binding, form.ruleProblems(), picker.offeringNext(model, () -> duty.logShaped(who.siteId(), form)))
                .isPresent()) {
            redirect.addFlashAttribute("logged", true);
            return "redirect:/duty";
        }
        if (form.itemId() != null && form.outcome() == Outcome.BOOKED) {
            picker.pick(who.siteId(), form.itemId(), null, form.slotId(), model);
        }
        return callPage(who, model);
    }

    private String callPage(SignedIn who, Model model) {
        model.addAttribute("items", catalogue.items(who.siteId(), false));
        model.addAttribute("windows", directory.windows(who.siteId(), "", false));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("docTypes", AppointmentForms.DOC_TYPES);
        return "duty/call-form";
    }

    @GetMapping("/duty/calls")
    @RequiresPermission(Permissions.DUTY_LOG)
    String calls(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) Long item,
            @RequestParam(defaultValue = "") String q, Model model) {
        Duty.Filter f = filter(who, from, to, outcome, item, q);
        model.addAttribute("filter", f);
        model.addAttribute("calls", duty.search(who.siteId(), f, 500));
        model.addAttribute("items", catalogue.items(who.siteId(), true));
        model.addAttribute("outcomes", Outcome.values());
        return "duty/calls";
    }

    @GetMapping("/duty/calls/export.xlsx")
    @RequiresPermission(Permissions.DUTY_LOG)
    void exportCalls(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) Long item,
            @RequestParam(defaultValue = "") String q, HttpServletResponse response) throws IOException {
        Duty.Filter f = filter(who, from, to, outcome, item, q);
        spreadsheets.download(response, "duty-calls-" + f.from() + "-" + f.to(), LocaleContextHolder.getLocale(),
                book -> calls(book, who, f));
    }

    /** The phone log on A4 landscape paper, from the same rows as the export (issue 20, item 4). */
    @GetMapping("/duty/calls/print")
    @RequiresPermission(Permissions.DUTY_LOG)
    String printCalls(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) Long item,
            @RequestParam(defaultValue = "") String q, Model model) throws IOException {
        Duty.Filter f = filter(who, from, to, outcome, item, q);
        return spreadsheets.print(model, LocaleContextHolder.getLocale(), book -> calls(book, who, f));
    }

    private void calls(LedgerWorkbook book, SignedIn who, Duty.Filter f) {
        LedgerWorkbook.Sheet sheet = book.sheet(word("duty.calls.title"), hallName(who), book.period(f.from(), f.to()),
                List.of(word("duty.takenAt"), word("duty.takenBy"), word("duty.window"), word("duty.caller"),
                        word("duty.phone"), word("duty.item"), word("duty.matter"), word("duty.answer"),
                        word("duty.outcome"), word("appointments.code"), word("duty.followUp"),
                        word("duty.followUp.done")));
        for (Duty.Consultation c : duty.search(who.siteId(), f, 100_000)) {
            sheet.row(c.takenAt(), book.person(c.takenBy()), c.windowNumber(), c.callerName(), c.phoneMasked(),
                    c.itemName(), c.matter(), c.answer(), word("duty.outcome." + c.outcome()), c.bookingCode(),
                    c.followUp(), c.followUpDoneAt());
        }
    }

    @PostMapping("/duty/calls/{id}/follow-up-done")
    @RequiresPermission(Permissions.DUTY_LOG)
    String followUpDone(SignedIn who, @PathVariable long id) {
        duty.followUpDone(who.siteId(), id);
        return "redirect:/duty";
    }

    private Duty.Filter filter(SignedIn who, LocalDate from, LocalDate to, Outcome outcome, Long item, String q) {
        if (item != null) {
            catalogue.item(who.siteId(), item);
        }
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null || from.isAfter(t) ? t.minusDays(6) : from;
        return new Duty.Filter(f, t, outcome, item, q);
    }

    private String hallName(SignedIn who) {
        return directory.site(who.siteId()).name();
    }

    private String word(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, locale);
    }

}
