package org.hallsafe.organization;

import jakarta.validation.Valid;
import org.hallsafe.organization.Forms.LeadershipForm;
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

/** The leadership group page: who leads, who deputises, who sits in the office; appoint and release. */
@Controller
class LeadershipPages {


    private final Leadership leadership;
    private final StaffDirectory staff;

    LeadershipPages(Leadership leadership, StaffDirectory staff) {
        this.leadership = leadership;
        this.staff = staff;
    }

    @GetMapping("/org/leadership")
    @RequiresPermission(Permissions.LEADERSHIP_VIEW)
    String list(SignedIn who, @RequestParam(defaultValue = "false") boolean retired, Model model) {
        model.addAttribute("form", new LeadershipForm(null, LeadershipRole.MEMBER));
        return page(who, model, retired);
    }

    @PostMapping("/org/leadership")
    @RequiresPermission(Permissions.LEADERSHIP_EDIT)
    String appoint(SignedIn who, @Valid @ModelAttribute("form") LeadershipForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.save(binding, () -> leadership.appoint(who.siteId(), form))
                .map(id -> DirectoryPages.saved(redirect, staff.get(who.siteId(), form.staffId()).name(), "/org/leadership"))
                .orElseGet(() -> page(who, model, false));
    }

    @PostMapping("/org/leadership/{id}/retire")
    @RequiresPermission(Permissions.LEADERSHIP_EDIT)
    String retire(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        leadership.retire(who.siteId(), id);
        return "redirect:/org/leadership";
    }

    private String page(SignedIn who, Model model, boolean retired) {
        model.addAttribute("members", leadership.members(who.siteId(), retired));
        model.addAttribute("staff", staff.search(who.siteId(), "", null, false));
        model.addAttribute("roles", LeadershipRole.values());
        model.addAttribute("retired", retired);
        return "org/leadership";
    }
}
