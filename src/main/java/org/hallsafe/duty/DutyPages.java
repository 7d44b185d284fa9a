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
import org.hallsafe.platform.Downloads;
import org.hallsafe.platform.Formats;
import org.hallsafe.platform.FormSubmission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private static final String LOG = "hasAuthority(T(org.hallsafe.platform.Permissions).DUTY_LOG)";
    private static final String ROSTER = "hasAuthority(T(org.hallsafe.platform.Permissions).DUTY_ROSTER)";

    private final Duty duty;
    private final Catalogue catalogue;
    private final Directory directory;
    private final StaffDirectory staff;
    private final SlotPicker picker;
    private final Formats formats;
    private final MessageSource messages;
    private final Clock clock;

    DutyPages(Duty duty, Catalogue catalogue, Directory directory, StaffDirectory staff, SlotPicker picker,
            Formats formats, MessageSource messages, Clock clock) {
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
    @PreAuthorize(LOG)
    String today(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("posts", duty.roster(site(), today, today));
        model.addAttribute("calls", duty.search(site(), new Duty.Filter(today, today, null, null, ""), 50));
        model.addAttribute("followUps", duty.openFollowUps(site()));
        model.addAttribute("settings", catalogue.settings(site()));
        model.addAttribute("postponedNotice", catalogue.postponedNotice(site()).orElse(null));
        return "duty/today";
    }

    // ---- the roster

    @GetMapping("/duty/roster")
    @PreAuthorize(LOG)
    String roster(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model) {
        model.addAttribute("post", new RosterForm(from == null ? LocalDate.now(clock) : from, null, "", null, ""));
        return rosterPage(from, model);
    }

    private String rosterPage(LocalDate from, Model model) {
        LocalDate monday = (from == null ? LocalDate.now(clock) : from).with(DayOfWeek.MONDAY);
        model.addAttribute("from", monday);
        model.addAttribute("to", monday.plusDays(6));
        model.addAttribute("posts", duty.roster(site(), monday, monday.plusDays(6)));
        model.addAttribute("windows", directory.windows(site(), "", false));
        model.addAttribute("people", staff.search(site(), "", null, false));
        return "duty/roster";
    }

    @PostMapping("/duty/roster")
    @PreAuthorize(ROSTER)
    String addPost(@Valid @ModelAttribute("post") RosterForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, form.ruleProblems(), () -> duty.addPostShaped(site(), form))) {
            redirect.addFlashAttribute("saved", form.day().toString());
            return "redirect:/duty/roster?from=" + form.day();
        }
        return rosterPage(form.day(), model);
    }

    @PostMapping("/duty/roster/{id}/delete")
    @PreAuthorize(ROSTER)
    String removePost(@PathVariable long id, @RequestParam(required = false) String from) {
        duty.removePost(site(), id);
        return "redirect:/duty/roster" + (from == null ? "" : "?from=" + from);
    }

    @GetMapping("/duty/roster/export.xlsx")
    @PreAuthorize(LOG)
    void exportRoster(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
            throws IOException {
        List<List<String>> rows = duty.roster(site(), from, to).stream().map(p -> List.of(p.day().toString(),
                p.windowNumber() == null ? "" : p.windowNumber() + " " + p.windowName(), p.phoneLine(), p.staffName(),
                p.note())).toList();
        Downloads.sheet(Downloads.xlsx(response, "duty-roster-" + from + "-" + to), word("duty.roster.title") + " " + from
                + " – " + to, List.of(word("duty.day"), word("duty.window"), word("duty.phoneLine"), word("duty.person"),
                word("duty.note")), rows);
    }

    // ---- calls

    @GetMapping("/duty/calls/new")
    @PreAuthorize(LOG)
    String newCall(Model model) {
        model.addAttribute("form", ConsultationForm.empty(duty.myWindowToday(site()).orElse(null)));
        return callPage(model);
    }

    @PostMapping("/duty/calls")
    @PreAuthorize(LOG)
    String log(@Valid @ModelAttribute("form") ConsultationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.save(binding, form.ruleProblems(), picker.offeringNext(model, () -> duty.logShaped(site(), form)))
                .isPresent()) {
            redirect.addFlashAttribute("logged", true);
            return "redirect:/duty";
        }
        if (form.itemId() != null && form.outcome() == Outcome.BOOKED) {
            picker.pick(site(), form.itemId(), null, form.slotId(), model);
        }
        return callPage(model);
    }

    private String callPage(Model model) {
        model.addAttribute("items", catalogue.items(site(), false));
        model.addAttribute("windows", directory.windows(site(), "", false));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("docTypes", AppointmentForms.DOC_TYPES);
        return "duty/call-form";
    }

    @GetMapping("/duty/calls")
    @PreAuthorize(LOG)
    String calls(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) Long item,
            @RequestParam(defaultValue = "") String q, Model model) {
        Duty.Filter f = filter(from, to, outcome, item, q);
        model.addAttribute("filter", f);
        model.addAttribute("calls", duty.search(site(), f, 500));
        model.addAttribute("items", catalogue.items(site(), true));
        model.addAttribute("outcomes", Outcome.values());
        return "duty/calls";
    }

    @GetMapping("/duty/calls/export.xlsx")
    @PreAuthorize(LOG)
    void exportCalls(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) Long item,
            @RequestParam(defaultValue = "") String q, HttpServletResponse response) throws IOException {
        Duty.Filter f = filter(from, to, outcome, item, q);
        List<List<String>> rows = duty.search(site(), f, 100_000).stream().map(c -> List.of(formats.dateTime(c.takenAt()),
                c.takenBy(), c.windowNumber() == null ? "" : String.valueOf(c.windowNumber()), c.callerName(),
                c.phoneMasked(), c.itemName() == null ? "" : c.itemName(), c.matter(), c.answer(),
                word("duty.outcome." + c.outcome()), c.bookingCode() == null ? "" : c.bookingCode(), c.followUp(),
                c.followUpDoneAt() == null ? "" : formats.dateTime(c.followUpDoneAt()))).toList();
        Downloads.sheet(Downloads.xlsx(response, "duty-calls-" + f.from() + "-" + f.to()), word("duty.calls.title") + " "
                + f.from() + " – " + f.to(), List.of(word("duty.takenAt"), word("duty.takenBy"), word("duty.window"),
                word("duty.caller"), word("duty.phone"), word("duty.item"), word("duty.matter"), word("duty.answer"),
                word("duty.outcome"), word("appointments.code"), word("duty.followUp"), word("duty.followUp.done")), rows);
    }

    @PostMapping("/duty/calls/{id}/follow-up-done")
    @PreAuthorize(LOG)
    String followUpDone(@PathVariable long id) {
        duty.followUpDone(site(), id);
        return "redirect:/duty";
    }

    private Duty.Filter filter(LocalDate from, LocalDate to, Outcome outcome, Long item, String q) {
        if (item != null) {
            catalogue.item(site(), item);
        }
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null || from.isAfter(t) ? t.minusDays(6) : from;
        return new Duty.Filter(f, t, outcome, item, q);
    }

    private String word(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, locale);
    }

    private static long site() {
        return CurrentUser.get().siteId();
    }
}
