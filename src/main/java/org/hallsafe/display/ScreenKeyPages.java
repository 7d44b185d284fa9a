package org.hallsafe.display;

import org.hallsafe.organization.Directory;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The hall administrator's page of screen keys: make one (its two addresses are shown once, to type into the TV's
 * browser), see which screens connected lately, and revoke a key, which stops its screens at once.
 */
@Controller
@RequiresPermission(Permissions.SCREEN_MANAGE)
class ScreenKeyPages {

    private final ScreenKeys keys;
    private final Directory directory;

    ScreenKeyPages(ScreenKeys keys, Directory directory) {
        this.keys = keys;
        this.directory = directory;
    }

    @GetMapping("/admin/screens")
    String list(SignedIn who, Model model) {
        model.addAttribute("keys", keys.list(who.siteId()));
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
        }
        return "display/keys";
    }

    @PostMapping("/admin/screens")
    String create(@RequestParam(defaultValue = "") String name, SignedIn who, Model model, RedirectAttributes redirect) {
        try {
            ScreenKeys.Created created = keys.create(who.siteId(), name);
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/screen/{hall}")
                    .buildAndExpand(directory.site(who.siteId()).code()).toUriString();
            redirect.addFlashAttribute("createdName", created.name());
            redirect.addFlashAttribute("screenUrl", base + "?key=" + created.token());
            redirect.addFlashAttribute("callsUrl", base + "/calls?key=" + created.token());
            return "redirect:/admin/screens";
        } catch (InvalidInputException e) {
            model.addAttribute("name", name);
            model.addAttribute("nameProblem", e.messageKey());
            return list(who, model);
        }
    }

    @PostMapping("/admin/screens/{id}/revoke")
    String revoke(@PathVariable long id, SignedIn who, RedirectAttributes redirect) {
        keys.revoke(who.siteId(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/screens";
    }
}
