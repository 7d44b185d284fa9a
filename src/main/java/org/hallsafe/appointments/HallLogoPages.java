package org.hallsafe.appointments;

import java.io.IOException;
import java.time.Duration;

import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hall's logo (issue 20, item 5): shown on the public booking pages, uploaded and removed by the hall's admin on
 * the booking rules page. Served as a picture that can do nothing else (no script, sandboxed, no sniffing).
 */
@Controller
class HallLogoPages {

    private final HallLogos logos;
    private final Catalogue catalogue;

    HallLogoPages(HallLogos logos, Catalogue catalogue) {
        this.logos = logos;
        this.catalogue = catalogue;
    }

    @GetMapping("/appointments/book/logo")
    ResponseEntity<byte[]> logo(@RequestParam(required = false) String hall) {
        long site = catalogue.hall(hall).orElseThrow(() -> NotFoundException.of("hall", hall)).id();
        HallLogos.Logo logo = logos.of(site).orElseThrow(() -> NotFoundException.of("logo", hall));
        return ResponseEntity.ok().header("Content-Type", logo.contentType()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(logo.bytes());
    }

    @PostMapping("/appointments/settings/logo")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String upload(SignedIn who, @RequestParam(name = "logo", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file != null && file.getSize() > LogoCheck.MAX_BYTES) {
                throw new InvalidInputException("logo", "appointments.logo.tooLarge");
            }
            logos.save(who.siteId(), file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("logoSaved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("logoProblem", e.problems().get("logo"));
        }
        return "redirect:/appointments/calendar#hall-logo";
    }

    @PostMapping("/appointments/settings/logo/delete")
    @RequiresPermission(Permissions.APPOINTMENTS_EDIT)
    String remove(SignedIn who, RedirectAttributes redirect) {
        logos.remove(who.siteId());
        redirect.addFlashAttribute("logoSaved", true);
        return "redirect:/appointments/calendar#hall-logo";
    }
}
