package org.hallsafe.screening;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.DocumentType;
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
 * The gate page on the screener's tablet: one person at a time, few taps, the decision in colour and word, the next
 * person's form empty and ready.
 */
@Controller
@RequiresPermission({Permissions.GATE_RECORD, Permissions.GATE_BACKFILL})
class GatePages {

    private final GateDesk desk;
    private final StaffDirectory staff;
    private final Questionings questionings;

    GatePages(GateDesk desk, StaffDirectory staff, Questionings questionings) {
        this.desk = desk;
        this.staff = staff;
        this.questionings = questionings;
    }

    @GetMapping("/screening/gate")
    String gate(SignedIn who, @RequestParam(required = false) Long last, Model model) {
        if (last != null) {
            GateDesk.Result result = desk.get(who.siteId(), last);
            model.addAttribute("last", result);
            if (result.decision() == Gate.Decision.REFUSED && !result.questioned()) {
                // issue 20: the questioning on the same screen, its common answers one tap each
                model.addAttribute("q", new GateDesk.Questioning("", null, null, ""));
                model.addAttribute("contacts", Gate.Contact.values());
                model.addAttribute("handlings", Gate.Handling.values());
            }
        }
        model.addAttribute("form", GateForm.empty());
        return page(who, model, null);
    }

    /** A paper-ledger catch-up (补录): the same form with the time it happened and why it is entered late. */
    @GetMapping("/screening/gate/backfill")
    @RequiresPermission(Permissions.GATE_BACKFILL)
    String backfill(SignedIn who, Model model) {
        model.addAttribute("form", GateForm.empty());
        model.addAttribute("backfill", true);
        return page(who, model, null);
    }

    @GetMapping("/screening/gate/recheck/{id}")
    String recheck(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("form", GateForm.recheck(id));
        return page(who, model, desk.get(who.siteId(), id));
    }

    @PostMapping("/screening/gate")
    String record(SignedIn who, @Valid @ModelAttribute("form") GateForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        long site = who.siteId();
        // a back-fill needs its own permission; a reading at the door needs the screener's
        String needed = form.backfilled() ? Permissions.GATE_BACKFILL : Permissions.GATE_RECORD;
        if (!who.may(needed)) {
            throw new org.springframework.security.access.AccessDeniedException(needed);
        }
        // @Valid checked the shape; the desk checks the hall's rules once, reading the settings and looking the citizen
        // up once (issue 13, item 4); a form of the wrong shape hears of the rules too, and nothing is stored
        var result = FormSubmission.save(binding, binding.hasErrors() ? desk.ruleProblems(site, form) : Map.of(),
                () -> desk.recordShaped(site, form));
        if (result.isPresent()) {
            redirect.addFlashAttribute("lastTemperature", form.temperature());
            return "redirect:/screening/gate?last=" + result.get().id();
        }
        model.addAttribute("backfill", form.backfilled());
        return page(who, model, form.recheckOf() == null ? null : desk.get(site, form.recheckOf()));
    }

    /** Staff found by name or card number, as choices for the form (htmx). */
    @GetMapping("/screening/gate/staff")
    String findStaff(SignedIn who, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("found", q.isBlank() ? List.of() : staff.search(who.siteId(), q, null, false).stream().limit(8).toList());
        return "screening/gate :: staffChoices";
    }

    /**
     * A returning citizen, found by document: the form fills itself (htmx). An unknown document answers 204, so
     * nothing the screener is typing meanwhile is replaced.
     */
    @GetMapping("/screening/gate/citizen")
    String findCitizen(SignedIn who, @RequestParam(required = false) DocumentType docType,
            @RequestParam(defaultValue = "") String docNo,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        var known = desk.findCitizen(who.siteId(), docType, docNo);
        if (known.isEmpty()) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        model.addAttribute("known", known.get());
        model.addAttribute("form", new GateForm(null, Gate.PersonType.CITIZEN, null,
                known.get().name(), docType, docNo, phone, null, null, List.of(), false,
                "", null, null, "", ""));
        return "screening/gate :: citizenFields";
    }

    /** A booking code typed or scanned at the gate: the booked person, masked, or a word that no such booking is today. */
    @GetMapping("/screening/gate/booking")
    String findBooking(SignedIn who, @RequestParam(defaultValue = "") String bookingCode, Model model) {
        model.addAttribute("booking", desk.booking(who.siteId(), bookingCode).orElse(null));
        model.addAttribute("bookingTried", !bookingCode.isBlank());
        return "screening/gate :: bookingCard";
    }

    @GetMapping("/screening/gate/{id}/questioning")
    String questioning(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("q", new GateDesk.Questioning("", null, null, ""));
        return questioningPage(who, id, model);
    }

    @PostMapping("/screening/gate/{id}/questioning")
    String question(SignedIn who, @PathVariable long id, @Valid @ModelAttribute("q") GateDesk.Questioning q,
            BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> questionings.question(who.siteId(), id, q))) {
            redirect.addFlashAttribute("questioned", desk.get(who.siteId(), id).name());
            return "redirect:/screening/gate";
        }
        return questioningPage(who, id, model);
    }

    private String questioningPage(SignedIn who, long id, Model model) {
        model.addAttribute("screening", desk.get(who.siteId(), id));
        model.addAttribute("contacts", Gate.Contact.values());
        model.addAttribute("handlings", Gate.Handling.values());
        return "screening/questioning";
    }

    private String page(SignedIn who, Model model, GateDesk.Result first) {
        var settings = desk.settings(who.siteId()); // the one read of this request's rendering
        model.addAttribute("settings", settings);
        model.addAttribute("symptoms", settings.symptoms());
        model.addAttribute("masks", Gate.Mask.values());
        model.addAttribute("docTypes", DocumentType.values());
        model.addAttribute("pending", desk.pendingRechecks(who.siteId(), settings));
        model.addAttribute("first", first);
        return "screening/gate";
    }
}
