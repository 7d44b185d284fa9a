package org.hallsafe.organization;

import jakarta.validation.Valid;
import org.hallsafe.organization.Forms.DepartmentForm;
import org.hallsafe.organization.Forms.SiteForm;
import org.hallsafe.organization.Forms.WindowForm;
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

/** Pages for halls, sections and units, and windows: list and search, add, edit, retire. */
@Controller
class DirectoryPages {


    private final Directory directory;
    private final org.hallsafe.platform.Accounts accounts;

    DirectoryPages(Directory directory, org.hallsafe.platform.Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    // ---- sites

    @GetMapping("/org/sites")
    @RequiresPermission(Permissions.SITE_EDIT)
    String sites(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean retired,
            Model model) {
        model.addAttribute("sites", directory.sites(q, retired));
        return filters(model, q, retired, "org/sites");
    }

    @GetMapping("/org/sites/new")
    @RequiresPermission(Permissions.SITE_EDIT)
    String newSite(Model model) {
        model.addAttribute("form", new SiteForm("", "", ""));
        return "org/site-form";
    }

    @GetMapping("/org/sites/{id}/edit")
    @RequiresPermission(Permissions.SITE_EDIT)
    String editSite(@PathVariable long id, Model model) {
        var s = directory.site(id);
        model.addAttribute("form", new SiteForm(s.code(), s.name(), s.address()));
        model.addAttribute("id", id);
        return "org/site-form";
    }

    @PostMapping({"/org/sites", "/org/sites/{id}"})
    @RequiresPermission(Permissions.SITE_EDIT)
    String saveSite(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") SiteForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormSubmission.save(binding, () -> directory.saveSite(id, form))
                .map(saved -> saved(redirect, form.name(), "/org/sites"))
                .orElseGet(() -> again(model, id, "org/site-form"));
    }

    @PostMapping("/org/sites/{id}/retire")
    @RequiresPermission(Permissions.SITE_EDIT)
    String retireSite(@PathVariable long id, RedirectAttributes redirect) {
        directory.retireSite(id);
        return retired(redirect, directory.site(id).name(), "/org/sites");
    }

    /** A hall's first administrator, so a new hall can be run by its own people. */
    record HallAdminForm(String username,
            @org.hallsafe.platform.PlainText(max = org.hallsafe.platform.PlainText.NAME) String displayName, String password) {
    }

    @GetMapping("/org/sites/{id}/admin")
    @RequiresPermission(Permissions.SITE_EDIT)
    String newHallAdmin(@PathVariable long id, Model model) {
        model.addAttribute("form", new HallAdminForm("", "", ""));
        model.addAttribute("site", directory.site(id));
        return "org/site-admin";
    }

    @PostMapping("/org/sites/{id}/admin")
    @RequiresPermission(Permissions.SITE_EDIT)
    String createHallAdmin(@PathVariable long id, @Valid @ModelAttribute("form") HallAdminForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        var site = directory.site(id);
        if (form.displayName() == null || form.displayName().isBlank()) {
            binding.rejectValue("displayName", "validation.required");
        }
        return FormSubmission.save(binding, () -> accounts.create(id, form.username() == null ? "" : form.username().strip(),
                        form.displayName().strip(), org.hallsafe.platform.Role.ADMIN, form.password()))
                .map(created -> saved(redirect, form.username() + " · " + site.name(), "/org/sites"))
                .orElseGet(() -> {
                    model.addAttribute("site", site);
                    return "org/site-admin";
                });
    }

    // ---- sections and bureau units

    @GetMapping("/org/departments")
    @RequiresPermission(Permissions.ORG_VIEW)
    String departments(SignedIn who, @RequestParam(required = false) DepartmentKind kind,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean retired, Model model) {
        model.addAttribute("departments", directory.departments(who.siteId(), kind, q, retired));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", DepartmentKind.values());
        return filters(model, q, retired, "org/departments");
    }

    @GetMapping("/org/departments/new")
    @RequiresPermission(Permissions.ORG_EDIT)
    String newDepartment(@RequestParam(defaultValue = "SECTION") DepartmentKind kind, Model model) {
        model.addAttribute("form", new DepartmentForm(kind, "", "", ""));
        return departmentForm(model);
    }

    @GetMapping("/org/departments/{id}/edit")
    @RequiresPermission(Permissions.ORG_EDIT)
    String editDepartment(SignedIn who, @PathVariable long id, Model model) {
        var d = directory.department(who.siteId(), id);
        model.addAttribute("form", new DepartmentForm(d.kind(), d.name(), d.phone(), d.duties()));
        model.addAttribute("id", id);
        return departmentForm(model);
    }

    @PostMapping({"/org/departments", "/org/departments/{id}"})
    @RequiresPermission(Permissions.ORG_EDIT)
    String saveDepartment(SignedIn who, @PathVariable(required = false) Long id,
            @Valid @ModelAttribute("form") DepartmentForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormSubmission.save(binding, () -> directory.saveDepartment(who.siteId(), id, form))
                .map(saved -> saved(redirect, form.name(), "/org/departments"))
                .orElseGet(() -> {
                    departmentForm(model);
                    return again(model, id, "org/department-form");
                });
    }

    @PostMapping("/org/departments/{id}/retire")
    @RequiresPermission(Permissions.ORG_EDIT)
    String retireDepartment(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        directory.retireDepartment(who.siteId(), id);
        return retired(redirect, directory.department(who.siteId(), id).name(), "/org/departments");
    }

    private String departmentForm(Model model) {
        model.addAttribute("kinds", DepartmentKind.values());
        return "org/department-form";
    }

    // ---- service windows

    @GetMapping("/org/windows")
    @RequiresPermission(Permissions.ORG_VIEW)
    String windows(SignedIn who, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean retired,
            Model model) {
        model.addAttribute("windows", directory.windows(who.siteId(), q, retired));
        return filters(model, q, retired, "org/windows");
    }

    @GetMapping("/org/windows/new")
    @RequiresPermission(Permissions.ORG_EDIT)
    String newWindow(SignedIn who, Model model) {
        model.addAttribute("form", new WindowForm(null, "", "", null));
        return windowForm(who, model);
    }

    @GetMapping("/org/windows/{id}/edit")
    @RequiresPermission(Permissions.ORG_EDIT)
    String editWindow(SignedIn who, @PathVariable long id, Model model) {
        var w = directory.window(who.siteId(), id);
        model.addAttribute("form", new WindowForm(w.number(), w.name(), w.area(), w.sectionId()));
        model.addAttribute("id", id);
        return windowForm(who, model);
    }

    @PostMapping({"/org/windows", "/org/windows/{id}"})
    @RequiresPermission(Permissions.ORG_EDIT)
    String saveWindow(SignedIn who, @PathVariable(required = false) Long id,
            @Valid @ModelAttribute("form") WindowForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormSubmission.save(binding, () -> directory.saveWindow(who.siteId(), id, form))
                .map(saved -> saved(redirect, form.name(), "/org/windows"))
                .orElseGet(() -> {
                    windowForm(who, model);
                    return again(model, id, "org/window-form");
                });
    }

    @PostMapping("/org/windows/{id}/retire")
    @RequiresPermission(Permissions.ORG_EDIT)
    String retireWindow(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        directory.retireWindow(who.siteId(), id);
        return retired(redirect, directory.window(who.siteId(), id).name(), "/org/windows");
    }

    private String windowForm(SignedIn who, Model model) {
        model.addAttribute("sections", directory.departments(who.siteId(), DepartmentKind.SECTION, "", false));
        return "org/window-form";
    }

    // ---- shared by the pages of this module

    static String filters(Model model, String q, boolean retired, String view) {
        model.addAttribute("q", q);
        model.addAttribute("retired", retired);
        return view;
    }

    static String saved(RedirectAttributes redirect, String name, String list) {
        redirect.addFlashAttribute("saved", name);
        return "redirect:" + list;
    }

    static String retired(RedirectAttributes redirect, String name, String list) {
        redirect.addFlashAttribute("retiredName", name);
        return "redirect:" + list;
    }

    static String again(Model model, Long id, String view) {
        model.addAttribute("id", id);
        return view;
    }
}
