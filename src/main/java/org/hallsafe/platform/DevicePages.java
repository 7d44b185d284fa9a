package org.hallsafe.platform;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hall administrator's page of gate tablets (issue 18, item 1): make a device token (shown once, to type into the
 * tablet's app), see when each tablet was last used, and revoke a token.
 */
@Controller
@RequiresPermission(Permissions.DEVICE_MANAGE)
class DevicePages {

    private final DeviceTokens tokens;

    DevicePages(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/admin/devices")
    String list(SignedIn who, Model model) {
        model.addAttribute("devices", tokens.list(who.siteId()));
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
        }
        return "admin/devices";
    }

    @PostMapping("/admin/devices")
    String create(@RequestParam(defaultValue = "") String name, SignedIn who, Model model, RedirectAttributes redirect) {
        try {
            DeviceTokens.Created created = tokens.create(who.siteId(), name);
            redirect.addFlashAttribute("createdName", created.name());
            redirect.addFlashAttribute("token", created.token());
            return "redirect:/admin/devices";
        } catch (InvalidInputException e) {
            model.addAttribute("name", name);
            model.addAttribute("nameProblem", e.messageKey());
            return list(who, model);
        }
    }

    @PostMapping("/admin/devices/{id}/revoke")
    String revoke(@PathVariable long id, SignedIn who, RedirectAttributes redirect) {
        tokens.revoke(who.siteId(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/devices";
    }
}
