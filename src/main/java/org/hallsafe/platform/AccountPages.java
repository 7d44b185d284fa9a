package org.hallsafe.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 * The accounts page: an admin gives people a way in, resets passwords, and switches accounts off, but only of
 * accounts of a lower rank ({@link Role#mayManage}); the buttons of the others are not shown, and a forged request
 * for one answers 403 (another hall's account: 404).
 */
@Controller
@RequiresPermission(Permissions.ACCOUNT_MANAGE)
class AccountPages {

    record AccountForm(
            @NotBlank(message = "{validation.required}") String username,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NAME) String displayName,
            @NotNull(message = "{validation.required}") Role role,
            @NotBlank(message = "{validation.required}") String password) {
    }

    private final Accounts accounts;

    AccountPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/accounts")
    String list(SignedIn who, Model model) {
        model.addAttribute("form", new AccountForm("", "", Role.STAFF, ""));
        return page(who, model);
    }

    @PostMapping("/admin/accounts")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, SignedIn who, Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> accounts.create(who.siteId(), form.username().strip(),
                form.displayName().strip(), form.role(), form.password()))) {
            redirect.addFlashAttribute("saved", form.username());
            return "redirect:/admin/accounts";
        }
        return page(who, model);
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, SignedIn who) {
        accounts.setEnabled(who.siteId(), id, enabled);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, SignedIn who,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(who.siteId(), id, password);
            redirect.addFlashAttribute("passwordChanged", accounts.find(id).map(Accounts.AccountView::username).orElse(""));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("passwordError", e.messageKey());
            redirect.addFlashAttribute("passwordErrorId", id);
        }
        return "redirect:/admin/accounts";
    }

    private String page(SignedIn who, Model model) {
        var all = accounts.ofSite(who.siteId());
        model.addAttribute("accounts", all);
        model.addAttribute("mayReset", all.stream().filter(a -> accounts.mayChange(a, true)).map(Accounts.AccountView::id).toList());
        model.addAttribute("maySwitch", all.stream().filter(a -> accounts.mayChange(a, false)).map(Accounts.AccountView::id).toList());
        model.addAttribute("roles", java.util.Arrays.stream(Role.values())
                .filter(r -> who.role().mayManage(r)).toList());
        return "admin/accounts";
    }
}
