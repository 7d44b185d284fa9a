package org.hallsafe.platform;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The pages everyone meets: sign-in, the first administrator's setup, and the home page. */
@Controller
class PageController {

    private final FirstAdministrator firstAdministrator;
    private final HallSafeProperties properties;
    private final LiveUpdates liveUpdates;

    PageController(FirstAdministrator firstAdministrator, HallSafeProperties properties, LiveUpdates liveUpdates) {
        this.firstAdministrator = firstAdministrator;
        this.properties = properties;
        this.liveUpdates = liveUpdates;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        model.addAttribute("username", session.getAttribute(SecurityConfiguration.LAST_USERNAME));
        session.removeAttribute(SecurityConfiguration.LAST_USERNAME);
        model.addAttribute("demo", properties.demo());
        return "login";
    }

    /** The leadership group's home is the overview of every measure (issue 16): leaders and the office, by role. */
    @GetMapping("/")
    String home(SignedIn who) {
        return who.role() == Role.LEADER || who.role() == Role.OFFICE ? "redirect:/overview" : "home";
    }

    /** The live-update stream of the signed-in person; the layout connects to it on every page. */
    @GetMapping(path = "/live", produces = "text/event-stream")
    @ResponseBody
    SseEmitter live(SignedIn who) {
        return liveUpdates.subscribe(who.accountId(), who.siteId());
    }

    @GetMapping("/setup/{token}")
    String setup(@PathVariable String token, Model model) {
        model.addAttribute("valid", firstAdministrator.isValid(token));
        model.addAttribute("username", properties.security().adminUsername());
        return "setup";
    }

    @PostMapping("/setup/{token}")
    String completeSetup(@PathVariable String token, @RequestParam String username, @RequestParam String displayName,
            @RequestParam String password, Model model) {
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("valid", true);
        try {
            return firstAdministrator.complete(token, username, displayName.isBlank() ? username : displayName, password)
                    .map(id -> "redirect:/login?setupDone")
                    .orElseGet(() -> {
                        model.addAttribute("valid", false);
                        return "setup";
                    });
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorField", e.field());
            return "setup";
        }
    }
}
