package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;
import org.hallsafe.accountability.FeedbackForms.ReplyForm;
import org.hallsafe.accountability.FeedbackForms.ReportForm;
import org.hallsafe.accountability.FeedbackForms.TimesForm;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.platform.FormSubmission;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Section feedback (信息反馈制度): the day's reports section by section, the section head's report form (phone first,
 * prefilled), one report with its thread and read receipts, and the hall's reminder and due times.
 */
@Controller
@RequiresPermission({Permissions.FEEDBACK_VIEW, Permissions.FEEDBACK_WRITE})
class FeedbackPages {

    private final SectionReports reports;
    private final ReportThread thread;
    private final Clock clock;

    FeedbackPages(SectionReports reports, ReportThread thread, Clock clock) {
        this.reports = reports;
        this.thread = thread;
        this.clock = clock;
    }

    @GetMapping("/feedback")
    String day(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate shown = day == null ? today : day;
        model.addAttribute("day", shown);
        model.addAttribute("today", today);
        model.addAttribute("lines", reports.day(who.siteId(), shown));
        model.addAttribute("times", reports.times(who.siteId()));
        Optional<DepartmentView> own = reports.ownSection(who);
        model.addAttribute("own", own.orElse(null));
        model.addAttribute("ownReport", own.flatMap(s -> reports.submittedToday(who.siteId(), s.id())).orElse(null));
        model.addAttribute("requests", own.map(s -> thread.requestsTo(who.siteId(), s.id(), today)).orElse(java.util.List.of()));
        if (!model.containsAttribute("timesForm")) {
            ReportTimes t = reports.times(who.siteId());
            model.addAttribute("timesForm", new TimesForm(t.remindAt(), t.dueAt()));
        }
        return "accountability/feedback";
    }

    @GetMapping("/feedback/report")
    @RequiresPermission(Permissions.FEEDBACK_WRITE)
    String form(SignedIn who, Model model) {
        Optional<DepartmentView> own = reports.ownSection(who);
        Optional<Long> done = own.flatMap(s -> reports.submittedToday(who.siteId(), s.id()));
        if (done.isPresent()) {
            return "redirect:/feedback/reports/" + done.get();
        }
        model.addAttribute("form", new ReportForm("", "", null));
        return formPage(who, own, model);
    }

    @PostMapping("/feedback/report")
    @RequiresPermission(Permissions.FEEDBACK_WRITE)
    String submit(SignedIn who, @Valid @ModelAttribute("form") ReportForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Optional<Long> id = FormSubmission.save(binding, () -> reports.submit(who, form));
        if (id.isPresent()) {
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/feedback/reports/" + id.get();
        }
        return formPage(who, reports.ownSection(who), model);
    }

    private String formPage(SignedIn who, Optional<DepartmentView> own, Model model) {
        model.addAttribute("own", own.orElse(null));
        own.ifPresent(s -> model.addAttribute("prefill", reports.prefill(who.siteId(), s)));
        model.addAttribute("sections", reports.sections(who.siteId()).stream()
                .filter(s -> own.map(o -> o.id() != s.id()).orElse(true)).toList());
        return "accountability/report-form";
    }

    @GetMapping("/feedback/reports/{id}")
    @RequiresPermission(Permissions.FEEDBACK_VIEW)
    String report(SignedIn who, @PathVariable long id, Model model) {
        ReportThread.Report report = thread.get(who.siteId(), id);
        thread.markRead(who, report);
        model.addAttribute("report", report);
        model.addAttribute("figures", thread.figures(who.siteId(), id));
        model.addAttribute("replies", thread.replies(who.siteId(), id));
        model.addAttribute("reads", thread.reads(who.siteId(), id));
        if (!model.containsAttribute("reply")) {
            model.addAttribute("reply", new ReplyForm(""));
        }
        return "accountability/report";
    }

    @PostMapping("/feedback/reports/{id}/replies")
    @RequiresPermission(Permissions.FEEDBACK_VIEW)
    String reply(SignedIn who, @PathVariable long id, @Valid @ModelAttribute("reply") ReplyForm form,
            BindingResult binding, Model model) {
        if (FormSubmission.done(binding, () -> thread.reply(who, id, form.body()))) {
            return "redirect:/feedback/reports/" + id + "#thread";
        }
        return report(who, id, model);
    }

    @PostMapping("/feedback/times")
    @RequiresPermission(Permissions.BRIEFING_EDIT)
    String times(SignedIn who, @Valid @ModelAttribute("timesForm") TimesForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> reports.saveTimes(who.siteId(), form.remindAt(), form.dueAt()))) {
            redirect.addFlashAttribute("timesSaved", true);
            return "redirect:/feedback";
        }
        return day(who, null, model);
    }
}
