package org.hallsafe.organization;

import jakarta.validation.Valid;
import org.hallsafe.organization.Forms.StaffForm;
import org.hallsafe.platform.Accounts;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages: search as you type, add, edit, retire, and reveal one full number when the role allows it. */
@Controller
class StaffPages {


    private final StaffDirectory staff;
    private final Directory directory;
    private final Accounts accounts;

    StaffPages(StaffDirectory staff, Directory directory, Accounts accounts) {
        this.staff = staff;
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/org/staff")
    @RequiresPermission(Permissions.ORG_VIEW)
    String list(SignedIn who, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long dept,
            @RequestParam(defaultValue = "false") boolean retired, @RequestParam(required = false) Long window, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        // one window's staff: the records of the responsibility matrix's R-ORG window cell (issue 16 item 2)
        model.addAttribute("window", window == null ? null : directory.window(who.siteId(), window));
        model.addAttribute("staff", staff.search(who.siteId(), q, dept, retired).stream()
                .filter(s -> window == null || window.equals(s.windowId())).toList());
        model.addAttribute("dept", dept);
        model.addAttribute("sections", directory.departments(who.siteId(), null, "", false));
        DirectoryPages.filters(model, q, retired, "org/staff");
        return htmx != null ? "org/staff :: rows" : "org/staff";
    }

    @GetMapping("/org/staff/new")
    @RequiresPermission(Permissions.ORG_EDIT)
    String create(SignedIn who, Model model) {
        model.addAttribute("form", new StaffForm("", "", null, null, "", "", "", ""));
        return form(who, model, null);
    }

    @GetMapping("/org/staff/{id}/edit")
    @RequiresPermission(Permissions.ORG_EDIT)
    String edit(SignedIn who, @PathVariable long id, Model model) {
        var s = staff.get(who.siteId(), id);
        String username = s.accountId() == null ? ""
                : accounts.find(s.accountId()).map(Accounts.AccountView::username).orElse("");
        model.addAttribute("form", new StaffForm(s.name(), s.cardNo(), s.departmentId(), s.windowId(), s.jobTitle(),
                "", "", username));
        return form(who, model, id);
    }

    @PostMapping({"/org/staff", "/org/staff/{id}"})
    @RequiresPermission(Permissions.ORG_EDIT)
    String save(SignedIn who, @PathVariable(required = false) Long id, @Valid @ModelAttribute("form") StaffForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormSubmission.save(binding, () -> staff.save(who.siteId(), id, form))
                .map(saved -> DirectoryPages.saved(redirect, form.name(), "/org/staff"))
                .orElseGet(() -> form(who, model, id));
    }

    @PostMapping("/org/staff/{id}/retire")
    @RequiresPermission(Permissions.ORG_EDIT)
    String retire(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        staff.retire(who.siteId(), id);
        return DirectoryPages.retired(redirect, staff.get(who.siteId(), id).name(), "/org/staff");
    }

    /** htmx swaps the masked number for the full one; the read is written to the audit log. */
    @PostMapping("/org/staff/{id}/reveal/{field}")
    @RequiresPermission(Permissions.STAFF_REVEAL)
    @ResponseBody
    String reveal(SignedIn who, @PathVariable long id, @PathVariable String field) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(staff.reveal(who.siteId(), id, field));
    }

    private String form(SignedIn who, Model model, Long id) {
        model.addAttribute("id", id);
        if (id != null) {
            model.addAttribute("current", staff.get(who.siteId(), id));
        }
        model.addAttribute("departments", directory.departments(who.siteId(), null, "", false));
        model.addAttribute("windows", directory.windows(who.siteId(), "", false));
        return "org/staff-form";
    }
}
