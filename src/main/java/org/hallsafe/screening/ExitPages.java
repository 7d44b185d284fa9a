package org.hallsafe.screening;

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

/** The gate's exit page for a tablet (issue 17 item 2): one field for the booking code, and one 离开 per visitor. */
@Controller
@RequiresPermission(Permissions.GATE_RECORD)
class ExitPages {

    private final GateExits exits;

    ExitPages(GateExits exits) {
        this.exits = exits;
    }

    @GetMapping("/gate/exit")
    String page(SignedIn who, Model model) {
        model.addAttribute("people", exits.inHall(who.siteId()));
        model.addAttribute("limit", GateExits.LIST);
        return "screening/exit";
    }

    /** A booking code typed or scanned (a keyboard-wedge scanner types the QR code's text and Enter). */
    @PostMapping("/gate/exit")
    String byCode(SignedIn who, @RequestParam(defaultValue = "") String bookingCode, Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("exit", exits.leaveByCode(who, bookingCode));
            return "redirect:/gate/exit";
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("bookingCode", bookingCode.length() > 16 ? bookingCode.substring(0, 16) : bookingCode);
            return page(who, model);
        }
    }

    /** The 离开 button beside one visitor. */
    @PostMapping("/gate/exit/{id}")
    String leave(SignedIn who, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("exit", exits.leave(who, id));
        return "redirect:/gate/exit";
    }
}
