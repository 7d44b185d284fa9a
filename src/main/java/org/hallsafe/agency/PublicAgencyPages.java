package org.hallsafe.agency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyForms.ApplyForm;
import org.hallsafe.agency.AgencyForms.StatusForm;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.TooManyRequestsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizens' agency pages, without an account, made for a phone and WeChat's browser: the items offered as agency
 * service, the application (applicant, company, phone, return address, what they will send), the code to keep, and
 * the look-up by code and full phone. Over a rate limit the page answers 429 with the wait in words.
 */
@Controller
class PublicAgencyPages {

    static final String APPLIED = "agencyCode";

    private final AgencyCases cases;
    private final Catalogue catalogue;
    private final CaseStatus status;
    private final AgencyLimits limits;

    PublicAgencyPages(AgencyCases cases, Catalogue catalogue, CaseStatus status, AgencyLimits limits) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.status = status;
        this.limits = limits;
    }

    @GetMapping("/agency/apply")
    String items(@RequestParam(required = false) String hall, @RequestParam(required = false) Long item, Model model) {
        SiteView site = hall(hall, model);
        if (item != null) {
            cases.terms(site.id(), item).orElseThrow(() -> NotFoundException.of("agency item", item));
            model.addAttribute("form", ApplyForm.empty(item));
            return formPage(site, item, model);
        }
        model.addAttribute("items", cases.agencyItems(site.id()));
        return "agency/apply";
    }

    @PostMapping("/agency/apply")
    String apply(@RequestParam(required = false) String hall, @ModelAttribute("form") ApplyForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        SiteView site = hall(hall, model);
        try {
            limits.apply(request, form.phone());
        } catch (TooManyRequestsException e) {
            e.applyTo(response);
            model.addAttribute("rateLimitMinutes", e.minutes());
            return formPage(site, form.itemId(), model);
        }
        Channel channel = wechat(request) ? Channel.WECHAT : Channel.ONLINE;
        var opened = FormSubmission.save(binding, () -> cases.open(site.id(), form.opening(channel, null)));
        if (opened.isPresent()) {
            // the code travels in the flash, not the address: shown once, to the person who just applied
            redirect.addFlashAttribute(APPLIED, opened.get().code());
            return "redirect:" + link("/agency/applied", site);
        }
        response.setStatus(400);
        return formPage(site, form.itemId(), model);
    }

    @GetMapping("/agency/applied")
    String applied(@RequestParam(required = false) String hall, Model model) {
        SiteView site = hall(hall, model);
        if (!(model.getAttribute(APPLIED) instanceof String code)) {
            return "redirect:" + link("/agency/status", site);
        }
        model.addAttribute("code", CaseCodes.display(code));
        return "agency/applied";
    }

    @GetMapping("/agency/status")
    String status(@RequestParam(required = false) String hall, Model model) {
        hall(hall, model);
        model.addAttribute("form", new StatusForm("", ""));
        return "agency/status";
    }

    @PostMapping("/agency/status")
    String lookUp(@RequestParam(required = false) String hall, @ModelAttribute("form") StatusForm form,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        SiteView site = hall(hall, model);
        try {
            model.addAttribute("caseStatus", limits.lookUp(request, form.code(),
                    () -> status.lookUp(site.id(), form.code(), form.phone())));
        } catch (InvalidInputException e) {
            e.problems().forEach(binding::rejectValue);
            response.setStatus(400);
        } catch (TooManyRequestsException e) {
            e.applyTo(response);
            model.addAttribute("rateLimitMinutes", e.minutes());
        }
        return "agency/status";
    }

    private String formPage(SiteView site, Long itemId, Model model) {
        model.addAttribute("item", itemId == null ? null : cases.terms(site.id(), itemId).orElse(null));
        return "agency/apply-form";
    }

    private SiteView hall(String code, Model model) {
        SiteView site = catalogue.hall(code).orElseThrow(() -> NotFoundException.of("hall", code));
        model.addAttribute("hall", site);
        return site;
    }

    static String link(String path, SiteView site) {
        return UriComponentsBuilder.fromPath(path).queryParam("hall", site.code()).build().toUriString();
    }

    /** WeChat's in-app browser names itself MicroMessenger. */
    private static boolean wechat(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent != null && agent.contains("MicroMessenger");
    }
}
