package org.hallsafe.agency;

import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;

import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyForms.ApplyForm;
import org.hallsafe.agency.AgencyForms.TermsForm;
import org.hallsafe.appointments.Duty;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
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

/**
 * Opening a case at a window or from a duty call (转代办服务: the caller's name and item come with the call), and the
 * office's page of agency items with their time limit and owning section.
 */
@Controller
class AgencyDeskPages {

    private final AgencyCases cases;
    private final ItemTermsStore terms;
    private final Duty duty;
    private final Directory directory;

    AgencyDeskPages(AgencyCases cases, ItemTermsStore terms, Duty duty, Directory directory) {
        this.cases = cases;
        this.terms = terms;
        this.duty = duty;
        this.directory = directory;
    }

    @GetMapping("/agency/cases/new")
    @PreAuthorize(AgencyPages.HANDLE)
    String create(@RequestParam(required = false) Long call, Model model) {
        ApplyForm form = ApplyForm.empty(null);
        if (call != null) {
            Duty.Consultation c = duty.consultation(AgencyPages.site(), call);
            form = new ApplyForm(form.submissionId(), c.itemId(), c.callerName(), "", "", "", "", Channel.PHONE, c.id());
        }
        model.addAttribute("form", form);
        return newPage(form, model);
    }

    @PostMapping("/agency/cases")
    @PreAuthorize(AgencyPages.HANDLE)
    String open(@ModelAttribute("form") ApplyForm form, BindingResult binding, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Channel channel = form.callId() != null ? Channel.PHONE : form.channel() == Channel.PHONE ? Channel.PHONE : Channel.WINDOW;
        var opened = FormSubmission.save(binding, () -> cases.open(AgencyPages.site(), form.opening(channel)));
        if (opened.isPresent()) {
            redirect.addFlashAttribute("done", "agency.opened.done");
            return "redirect:/agency/cases/" + opened.get().id();
        }
        response.setStatus(400);
        return newPage(form, model);
    }

    private String newPage(ApplyForm form, Model model) {
        long site = AgencyPages.site();
        model.addAttribute("items", cases.agencyItems(site));
        model.addAttribute("channels", new Channel[] {Channel.WINDOW, Channel.PHONE});
        if (form.callId() != null) {
            try {
                model.addAttribute("call", duty.consultation(site, form.callId()));
            } catch (NoSuchElementException e) {
                model.addAttribute("call", null);
            }
        }
        return "agency/new";
    }

    @GetMapping("/agency/items")
    @PreAuthorize(AgencyPages.EDIT)
    String items(Model model) {
        long site = AgencyPages.site();
        model.addAttribute("items", cases.agencyItems(site));
        model.addAttribute("departments", directory.departments(site, null, "", false));
        return "agency/items";
    }

    @PostMapping("/agency/items/{itemId}")
    @PreAuthorize(AgencyPages.EDIT)
    String saveItem(@PathVariable long itemId, @ModelAttribute("form") TermsForm form, BindingResult binding,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        long site = AgencyPages.site();
        cases.terms(site, itemId).orElseThrow(() -> new NoSuchElementException("agency item " + itemId));
        boolean saved = FormSubmission.done(binding, () -> {
            if (form.timeLimitDays() == null || form.timeLimitDays() < 1 || form.timeLimitDays() > 60) {
                throw new InvalidInputException("timeLimitDays", "agency.items.limitRange");
            }
            if (form.departmentId() != null) {
                try {
                    directory.department(site, form.departmentId());
                } catch (NoSuchElementException e) {
                    throw new InvalidInputException(Map.of("departmentId", "agency.items.section.unknown"));
                }
            }
            terms.save(site, itemId, form.timeLimitDays(), form.departmentId(),
                    org.hallsafe.platform.CurrentUser.get().getUsername());
        });
        if (saved) {
            redirect.addFlashAttribute("saved", itemId);
            return "redirect:/agency/items";
        }
        response.setStatus(400);
        model.addAttribute("failedItem", itemId);
        return items(model);
    }
}
