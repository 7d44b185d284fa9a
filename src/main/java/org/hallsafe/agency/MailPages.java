package org.hallsafe.agency;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.PlainText;
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
 * {@code /agency/mail}: the mail room logs each envelope as it comes (carrier, tracking number, sheets, the code
 * written on it), and matches the envelopes that came without a code by a search.
 */
@Controller
@RequiresPermission(Permissions.AGENCY_HANDLE)
class MailPages {

    /** The form of an envelope in; bounds as the table's. */
    record MailForm(@NotNull(message = "{validation.required}") TrackingNumbers.Carrier carrier,
            @PlainText(max = MailRoom.CARRIER_OTHER) String carrierOther,
            @PlainText(max = TrackingNumbers.MAX_LENGTH) String trackingNo,
            @Min(value = 1, message = "{agency.mail.sheets}") @Max(value = 2000, message = "{agency.mail.sheets}") Integer sheets,
            @PlainText(max = MailRoom.CODE_TYPED) String caseCode,
            @PlainText(max = MailRoom.NOTE) String note) {

        static MailForm empty() {
            return new MailForm(TrackingNumbers.Carrier.EMS, "", "", null, "", "");
        }

        MailRoom.Incoming incoming() {
            return new MailRoom.Incoming(carrier, carrierOther, trackingNo, sheets, caseCode, note);
        }
    }

    private final MailRoom mail;
    private final org.hallsafe.appointments.Catalogue catalogue;

    MailPages(MailRoom mail, org.hallsafe.appointments.Catalogue catalogue) {
        this.mail = mail;
        this.catalogue = catalogue;
    }

    /** The page; {@code envelope} and {@code q}: matching a waiting envelope, with the cases the search found. */
    @GetMapping("/agency/mail")
    String page(SignedIn who, @RequestParam(required = false) Long envelope, @RequestParam(defaultValue = "") String q, Model model,
            HttpServletResponse response) {
        model.addAttribute("form", MailForm.empty());
        return show(who, envelope, q, model, response);
    }

    @PostMapping("/agency/mail")
    String logIn(SignedIn who, @Valid @ModelAttribute("form") MailForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var logged = FormSubmission.save(binding, () -> mail.logIn(who.siteId(), form.incoming()));
        if (logged.isPresent()) {
            // the session keeps flash values: an id, not the record
            redirect.addFlashAttribute("loggedId", logged.get().id());
            return "redirect:/agency/mail";
        }
        response.setStatus(422);
        return show(who, null, "", model, response);
    }

    @PostMapping("/agency/mail/{id}/match")
    String match(SignedIn who, @PathVariable long id, @RequestParam(required = false) Long caseId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (caseId == null) {
                throw new InvalidInputException("caseId", "validation.required");
            }
            redirect.addFlashAttribute("matchedId", mail.match(who.siteId(), id, caseId).id());
            return "redirect:/agency/mail";
        } catch (InvalidInputException e) {
            model.addAttribute("form", MailForm.empty());
            model.addAttribute("matchProblem", e.messageKey());
            response.setStatus(422);
            return show(who, id, "", model, response);
        }
    }

    private String show(SignedIn who, Long envelope, String q, Model model, HttpServletResponse response) {
        long site = who.siteId();
        if (model.getAttribute("loggedId") instanceof Long flashed) {
            model.addAttribute("logged", mail.get(site, flashed));
        }
        if (model.getAttribute("matchedId") instanceof Long matchedId) {
            model.addAttribute("matched", mail.get(site, matchedId));
        }
        model.addAttribute("carriers", TrackingNumbers.Carrier.values());
        model.addAttribute("unmatched", mail.unmatched(site));
        model.addAttribute("recent", mail.recent(site, 20));
        model.addAttribute("q", q);
        model.addAttribute("matching", envelope == null ? null : mail.get(site, envelope));
        List<MailRoom.Found> found = List.of();
        if (envelope != null) {
            try {
                found = mail.search(site, q);
            } catch (InvalidInputException e) {
                model.addAttribute("searchProblem", e.messageKey());
                response.setStatus(422);
            }
        }
        model.addAttribute("found", found);
        model.addAttribute("itemNames", catalogue.items(site, true).stream().collect(java.util.stream.Collectors.toMap(
                org.hallsafe.appointments.Catalogue.Item::id, org.hallsafe.appointments.Catalogue.Item::name, (a, b) -> a)));
        return "agency/mail";
    }

}
