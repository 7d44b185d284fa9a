package org.hallsafe.agency;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.agency.PostOut.SendForm;
import org.hallsafe.agency.TrackingNumbers.Carrier;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.FormSubmission;
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
 * Sending results (寄出, {@code /agency/mail/out}): the results ready to post, the packing form, the return address
 * opened for packing, and the day's mailing list printed for the courier's pick-up.
 */
@Controller
class PostOutPages {

    private final PostOut post;
    private final Directory directory;
    private final Clock clock;

    PostOutPages(PostOut post, Directory directory, Clock clock) {
        this.post = post;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/agency/mail/out")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String page(@RequestParam(required = false) String code, SignedIn who, Model model) {
        model.addAttribute("send", new SendForm(code == null ? "" : code, Carrier.EMS, "", "", null, ""));
        return page(who, model);
    }

    @PostMapping("/agency/mail/out")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String send(@Valid @ModelAttribute("send") SendForm form, BindingResult binding, SignedIn who, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> post.send(who.siteId(), form, who.username()))) {
            redirect.addFlashAttribute("sentCode", CaseCodes.display(CaseCodes.normalise(form.code())));
            return "redirect:/agency/mail/out";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(who, model);
    }

    /** The full return address of one ready result, to write on the envelope; the read is audited. */
    @PostMapping("/agency/mail/out/{caseId}/address")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String address(@PathVariable long caseId, SignedIn who, Model model) {
        model.addAttribute("revealedFor", caseId);
        model.addAttribute("revealedAddress", post.revealAddress(who.siteId(), caseId));
        String code = post.ready(who.siteId()).stream().filter(r -> r.caseId() == caseId).findFirst()
                .map(PostOut.Ready::code).orElse("");
        model.addAttribute("send", new SendForm(code, Carrier.EMS, "", "", null, ""));
        return page(who, model);
    }

    /** The mailing list of one day for the courier to sign at pick-up (A4 landscape). */
    @GetMapping("/agency/mail/out/print")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    String print(@RequestParam(required = false) LocalDate day, SignedIn who, Model model) {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", d);
        model.addAttribute("sent", post.sentOn(who.siteId(), d));
        model.addAttribute("hall", directory.site(who.siteId()).name());
        return "agency/mail-out-print";
    }

    private String page(SignedIn who, Model model) {
        long site = who.siteId();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("ready", post.ready(site));
        model.addAttribute("sent", post.sentOn(site, today));
        model.addAttribute("today", today);
        model.addAttribute("carriers", Carrier.values());
        return "agency/mail-out";
    }
}
