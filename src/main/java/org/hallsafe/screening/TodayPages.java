package org.hallsafe.screening;

import java.math.BigDecimal;
import java.util.List;

import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Today at the gate, live; and the hall's gate settings. */
@Controller
class TodayPages {

    private final Today today;
    private final GateSettings settings;

    TodayPages(Today today, GateSettings settings) {
        this.today = today;
        this.settings = settings;
    }

    @GetMapping("/screening/today")
    @RequiresPermission(Permissions.GATE_TODAY)
    String today(SignedIn who, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("figures", today.figures(who.siteId()));
        return htmx != null ? "screening/today :: figures" : "screening/today";
    }

    @GetMapping("/screening/settings")
    @RequiresPermission(Permissions.SCREENING_SETTINGS)
    String settings(SignedIn who, Model model) {
        model.addAttribute("settings", settings.of(who.siteId()));
        model.addAttribute("allSymptoms", Gate.Symptom.values());
        return "screening/settings";
    }

    @PostMapping("/screening/settings")
    @RequiresPermission(Permissions.SCREENING_SETTINGS)
    String saveSettings(SignedIn who, @RequestParam(required = false) BigDecimal feverThreshold,
            @RequestParam(defaultValue = "-1") int recheckWaitMinutes,
            @RequestParam(name = "symptom", required = false) List<Gate.Symptom> symptoms, Model model,
            RedirectAttributes redirect) {
        try {
            settings.save(who.siteId(), feverThreshold, recheckWaitMinutes,
                    org.hallsafe.platform.Choices.of(Gate.Symptom.class, symptoms));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/screening/settings";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorField", e.field());
            model.addAttribute("settings", new GateDesk.Settings(feverThreshold, recheckWaitMinutes,
                    org.hallsafe.platform.Choices.of(Gate.Symptom.class, symptoms)));
            model.addAttribute("allSymptoms", Gate.Symptom.values());
            return "screening/settings";
        }
    }
}
