package org.hallsafe.agency;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyForms.ApplyForm;
import org.hallsafe.agency.AgencyForms.TermsForm;
import org.hallsafe.duty.Duty;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
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
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String create(@RequestParam(required = false) Long call, SignedIn who, Model model) {
        ApplyForm form = ApplyForm.empty(null);
        if (call != null) {
            Duty.Consultation c = call(who.siteId(), call).orElseThrow(() -> NotFoundException.of("call", call));
            form = new ApplyForm(form.submissionId(), c.itemId(), c.callerName(), "", "", "", "", Channel.PHONE, c.id());
        }
        model.addAttribute("form", form);
        return newPage(who.siteId(), form, model);
    }

    @PostMapping("/agency/cases")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String open(@ModelAttribute("form") ApplyForm form, BindingResult binding, SignedIn who, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Channel channel = form.callId() != null ? Channel.PHONE : form.channel() == Channel.PHONE ? Channel.PHONE : Channel.WINDOW;
        var opened = FormSubmission.save(binding, () -> cases.open(who.siteId(), form.opening(channel, form.callId())));
        if (opened.isPresent()) {
            redirect.addFlashAttribute("done", "agency.opened.done");
            return "redirect:/agency/cases/" + opened.get().id();
        }
        response.setStatus(400);
        return newPage(who.siteId(), form, model);
    }

    private String newPage(long site, ApplyForm form, Model model) {
        model.addAttribute("items", cases.agencyItems(site));
        model.addAttribute("channels", new Channel[] {Channel.WINDOW, Channel.PHONE});
        model.addAttribute("call", form.callId() == null ? null : call(site, form.callId()).orElse(null));
        return "agency/new";
    }

    /** A call of the hall's duty log; another hall's is not there. */
    private Optional<Duty.Consultation> call(long site, long id) {
        try {
            return Optional.of(duty.consultation(site, id));
        } catch (NoSuchElementException | NotFoundException e) {
            return Optional.empty();
        }
    }

    @GetMapping("/agency/items")
    @RequiresPermission(Permissions.AGENCY_EDIT)
    String items(SignedIn who, Model model) {
        long site = who.siteId();
        model.addAttribute("items", cases.agencyItems(site));
        model.addAttribute("departments", directory.departments(site, null, "", false));
        return "agency/items";
    }

    @PostMapping("/agency/items/{itemId}")
    @RequiresPermission(Permissions.AGENCY_EDIT)
    String saveItem(@PathVariable long itemId, @ModelAttribute("form") TermsForm form, BindingResult binding, SignedIn who,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        long site = who.siteId();
        cases.terms(site, itemId).orElseThrow(() -> NotFoundException.of("agency item", itemId));
        boolean saved = FormSubmission.done(binding, () -> {
            if (form.timeLimitDays() == null || form.timeLimitDays() < 1 || form.timeLimitDays() > 60) {
                throw new InvalidInputException("timeLimitDays", "agency.items.limitRange");
            }
            if (form.departmentId() != null) {
                try {
                    directory.department(site, form.departmentId());
                } catch (NoSuchElementException | NotFoundException e) {
                    throw new InvalidInputException(Map.of("departmentId", "agency.items.section.unknown"));
                }
            }
            terms.save(site, itemId, form.timeLimitDays(), form.departmentId(), who.username());
        });
        if (saved) {
            redirect.addFlashAttribute("saved", itemId);
            return "redirect:/agency/items";
        }
        response.setStatus(400);
        model.addAttribute("failedItem", itemId);
        model.addAttribute("failedFields", binding.getFieldErrors().stream().map(e -> e.getField()).distinct().toList());
        return items(who, model);
    }
}
