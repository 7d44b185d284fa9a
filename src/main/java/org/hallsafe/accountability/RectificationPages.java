package org.hallsafe.accountability;

import java.io.IOException;

import jakarta.validation.Valid;
import org.hallsafe.accountability.InspectionForms.CheckForm;
import org.hallsafe.accountability.InspectionForms.FixForm;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rectification pages: the list (a section head's own section; everything for those who run inspections), one
 * rectification with its finding, the owner's fix with a photo as evidence, and the inspector's re-check.
 */
@Controller
@RequiresPermission({Permissions.INSPECTION_RUN, Permissions.RECTIFICATION_FIX})
class RectificationPages {

    private final Rectifications rectifications;
    private final Viewer.Of viewers;

    RectificationPages(Rectifications rectifications, Viewer.Of viewers) {
        this.rectifications = rectifications;
        this.viewers = viewers;
    }

    @GetMapping("/rectifications")
    String list(SignedIn who, @RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("overdue", overdue);
        model.addAttribute("rectifications", rectifications.list(who.siteId(), viewers.of(who), overdue));
        return "accountability/rectifications";
    }

    @GetMapping("/rectifications/{id}")
    String rectification(SignedIn who, @PathVariable long id, Model model) {
        model.addAttribute("fix", new FixForm(""));
        model.addAttribute("check", new CheckForm(null, "", null));
        return page(who, id, model);
    }

    @PostMapping("/rectifications/{id}/fix")
    @RequiresPermission(Permissions.RECTIFICATION_FIX)
    String fix(SignedIn who, @PathVariable long id, @Valid @ModelAttribute("fix") FixForm form, BindingResult binding,
            @RequestParam(name = "photo", required = false) MultipartFile photo, Model model, RedirectAttributes redirect)
            throws IOException {
        Viewer viewer = viewers.of(who);
        rectifications.get(who.siteId(), id, viewer);
        InspectionPhotos.Upload upload = InspectionPhotos.read(photo, binding);
        if (upload == null) {
            model.addAttribute("photoProblem", true);
        }
        if (upload != null && FormSubmission.done(binding,
                () -> rectifications.fix(who.siteId(), id, viewer, form, upload.type(), upload.bytes()))) {
            redirect.addFlashAttribute("done", "rectification.fixed");
            return "redirect:/rectifications/" + id;
        }
        model.addAttribute("check", new CheckForm(null, "", null));
        return page(who, id, model);
    }

    @PostMapping("/rectifications/{id}/check")
    @RequiresPermission(Permissions.INSPECTION_RUN)
    String check(SignedIn who, @PathVariable long id, @Valid @ModelAttribute("check") CheckForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (FormSubmission.done(binding, () -> rectifications.check(who.siteId(), id, form))) {
            redirect.addFlashAttribute("done", Boolean.TRUE.equals(form.passed()) ? "rectification.closed"
                    : "rectification.sentBack");
            return "redirect:/rectifications/" + id;
        }
        model.addAttribute("fix", new FixForm(""));
        return page(who, id, model);
    }

    private String page(SignedIn who, long id, Model model) {
        Viewer viewer = viewers.of(who);
        Rectifications.Rect r = rectifications.get(who.siteId(), id, viewer);
        model.addAttribute("r", r);
        model.addAttribute("mayFix", viewer.mayFix(r.departmentId()));
        model.addAttribute("mayCheck", viewer.runs());
        return "accountability/rectification";
    }
}
