package org.hallsafe.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a one-time sign-in link leads (issue 16, item 8): the person sees their name and user name and chooses a
 * password under the {@link PasswordPolicy}, then signs in with it. Anonymous, so rate-limited: an unknown, used,
 * expired or revoked link counts as a failed sign-in of the client's address, and past the limit no link opens from it.
 */
@Controller
class SignInLinkPages {

    private final SignInLinks links;
    private final RateLimits limits;

    SignInLinkPages(SignInLinks links, RateLimits limits) {
        this.links = links;
        this.limits = limits;
    }

    @GetMapping("/welcome/{token}")
    String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        limits.checkNotExhausted(RateLimits.Kind.SIGN_IN_ADDRESS, RateLimits.address(request));
        return links.find(token).map(link -> page(model, link)).orElseGet(() -> invalid(request, response, model));
    }

    @PostMapping("/welcome/{token}")
    String choose(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, HttpServletRequest request, HttpServletResponse response,
            HttpSession session, Model model) {
        limits.checkNotExhausted(RateLimits.Kind.SIGN_IN_ADDRESS, RateLimits.address(request));
        var link = links.find(token);
        if (link.isEmpty()) {
            return invalid(request, response, model);
        }
        String problem = !password.equals(confirm) ? "welcome.mismatch" : null;
        if (problem == null) {
            try {
                if (links.use(token, password).isPresent()) {
                    session.setAttribute(SecurityConfiguration.LAST_USERNAME, link.get().username());
                    return "redirect:/login?passwordChosen";
                }
                return invalid(request, response, model);
            } catch (InvalidInputException e) {
                problem = e.messageKey();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", problem);
        return page(model, link.get());
    }

    private static String page(Model model, SignInLinks.OpenLink link) {
        model.addAttribute("valid", true);
        model.addAttribute("link", link);
        return "welcome";
    }

    private String invalid(HttpServletRequest request, HttpServletResponse response, Model model) {
        limits.recordFailure(RateLimits.Kind.SIGN_IN_ADDRESS, RateLimits.address(request));
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("valid", false);
        return "welcome";
    }
}
