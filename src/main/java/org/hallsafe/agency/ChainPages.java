package org.hallsafe.agency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.agency.Custody.HandoverForm;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.QrCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The custody chain on the case page (流转): hand the file on, confirm receiving it (on one's own account or by
 * scanning the printed transfer sheet, 交接单), print that sheet. A refused handover comes back as the chain's own page
 * with the message beside the field and what was typed.
 */
@Controller
class ChainPages {

    private final Custody custody;
    private final ChainSection section;

    ChainPages(Custody custody, ChainSection section) {
        this.custody = custody;
        this.section = section;
    }

    @PostMapping("/agency/cases/{id}/handovers")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String handOver(@PathVariable long id, @Valid @ModelAttribute("handover") HandoverForm form, BindingResult binding,
            SignedIn who, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long site = who.siteId();
        if (FormSubmission.done(binding, () -> custody.handOver(site, id, form, who.username()))) {
            redirect.addFlashAttribute("chainDone", "agency.chain.handedOver");
            return "redirect:/agency/cases/" + id + "#case-chain";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        section.fill(site, id, model);
        model.addAttribute("handover", form);
        return "agency/chain";
    }

    @PostMapping("/agency/handovers/{id}/confirm")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String confirm(@PathVariable long id, SignedIn who, RedirectAttributes redirect) {
        long site = who.siteId();
        Custody.Handover h = custody.handover(site, id);
        custody.confirm(site, id, who.username());
        redirect.addFlashAttribute("chainDone", "agency.chain.confirmed");
        return "redirect:/agency/cases/" + h.caseId() + "#case-chain";
    }

    /** The transfer sheet (交接单) of one handover, with a QR code the receiver scans to confirm. */
    @GetMapping("/agency/handovers/{id}/sheet")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String sheet(@PathVariable long id, SignedIn who, HttpServletRequest request, Model model) {
        long site = who.siteId();
        Custody.Handover h = custody.handover(site, id);
        String token = custody.sheetToken(site, id);
        model.addAttribute("h", h);
        model.addAttribute("c", section.caseHeader(site, h.caseId()));
        if (token != null) {
            String url = ServletUriComponentsBuilder.fromContextPath(request).path("/agency/handovers/confirm")
                    .queryParam("t", token).build().toUriString();
            model.addAttribute("qr", QrCodes.svg(url));
        }
        return "agency/handover-sheet";
    }

    /** Where the transfer sheet's QR code leads: the step, and one button to confirm it (signed in). */
    @GetMapping("/agency/handovers/confirm")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String scanned(@RequestParam("t") String token, SignedIn who, Model model) {
        long site = who.siteId();
        Custody.Handover h = custody.byToken(site, token);
        model.addAttribute("h", h);
        model.addAttribute("c", section.caseHeader(site, h.caseId()));
        model.addAttribute("token", token);
        model.addAttribute("mine", h.toAccount().equalsIgnoreCase(who.username()));
        return "agency/handover-confirm";
    }

    @PostMapping("/agency/handovers/confirm")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String confirmScanned(@RequestParam("t") String token, SignedIn who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        long site = who.siteId();
        Custody.Handover h = custody.byToken(site, token);
        try {
            custody.confirm(site, h.id(), who.username());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("h", custody.handover(site, h.id()));
            model.addAttribute("c", section.caseHeader(site, h.caseId()));
            model.addAttribute("token", token);
            model.addAttribute("mine", false);
            model.addAttribute("refused", e.messageKey());
            return "agency/handover-confirm";
        }
        redirect.addFlashAttribute("chainDone", "agency.chain.confirmed");
        return "redirect:/agency/cases/" + h.caseId() + "#case-chain";
    }
}
