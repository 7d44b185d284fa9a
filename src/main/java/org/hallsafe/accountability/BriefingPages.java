package org.hallsafe.accountability;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.accountability.FeedbackForms.RemarksForm;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The daily briefing: the page, its A4 print view, the Word document, the history by day, remarks and sending. */
@Controller
@RequiresPermission(Permissions.BRIEFING_VIEW)
class BriefingPages {

    private final Briefings briefings;
    private final BriefingDocx docx;
    private final Clock clock;

    BriefingPages(Briefings briefings, BriefingDocx docx, Clock clock) {
        this.briefings = briefings;
        this.docx = docx;
        this.clock = clock;
    }

    @GetMapping("/briefing")
    String page(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        Briefings.Briefing b = briefings.of(who.siteId(), day(day));
        model.addAttribute("b", b);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RemarksForm(b.remarks()));
        }
        return "accountability/briefing";
    }

    @GetMapping("/briefing/print")
    String print(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        model.addAttribute("b", briefings.of(who.siteId(), day(day)));
        return "accountability/briefing-print";
    }

    @GetMapping("/briefing/docx")
    void word(SignedIn who, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            HttpServletResponse response) throws IOException {
        Briefings.Briefing b = briefings.of(who.siteId(), day(day));
        response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.setHeader("Content-Disposition", "attachment; filename=\"briefing-" + b.day() + ".docx\"");
        docx.write(b, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @GetMapping("/briefing/history")
    String history(SignedIn who, Model model) {
        model.addAttribute("lines", briefings.history(who.siteId(), 30));
        return "accountability/briefing-history";
    }

    @PostMapping("/briefing/remarks")
    @RequiresPermission(Permissions.BRIEFING_EDIT)
    String remarks(SignedIn who, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @ModelAttribute("form") RemarksForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> briefings.saveRemarks(who.siteId(), day, form.remarks()))) {
            redirect.addFlashAttribute("remarksSaved", true);
            return "redirect:/briefing?day=" + day;
        }
        return page(who, day, model);
    }

    @PostMapping("/briefing/send")
    @RequiresPermission(Permissions.BRIEFING_EDIT)
    String send(SignedIn who, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        try {
            briefings.send(who.siteId(), day);
            redirect.addFlashAttribute("sentNow", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/briefing?day=" + day;
    }

    private LocalDate day(LocalDate day) {
        return day == null ? LocalDate.now(clock) : day;
    }
}
