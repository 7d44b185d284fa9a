package org.hallsafe.notice;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.HallSafeProperties;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
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

import static org.hallsafe.platform.Permissions.NOTICE_APPROVE;
import static org.hallsafe.platform.Permissions.NOTICE_EDIT;
import static org.hallsafe.platform.Permissions.NOTICE_VIEW;

/**
 * The office's notice pages: the list (filter by state), write or change a notice in Markdown with a live preview,
 * upload a picture into it, approve (a second person), publish, withdraw; each version kept and listed. Staff read
 * the prevention-knowledge library on {@code /notices/knowledge}.
 */
@Controller
class NoticePages {

    private static final long MAX_IMAGE = 5L * 1024 * 1024;

    private final NoticeDesk desk;
    private final Notices notices;
    private final Clock clock;
    private final HallSafeProperties properties;

    NoticePages(NoticeDesk desk, Notices notices, Clock clock, HallSafeProperties properties) {
        this.desk = desk;
        this.notices = notices;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/notices")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    String list(@RequestParam(required = false) Status status, SignedIn who, Model model) {
        model.addAttribute("rows", desk.list(who.siteId(), status, 200));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("kinds", Kind.values());
        return "notice/list";
    }

    @GetMapping("/notices/new")
    @RequiresPermission(NOTICE_EDIT)
    String create(@RequestParam(required = false) Kind kind, Model model) {
        model.addAttribute("form", NoticeForm.empty(kind, LocalDateTime.now(clock.withZone(properties.zone()))));
        return formPage(null, model);
    }

    @PostMapping("/notices")
    @RequiresPermission(NOTICE_EDIT)
    String save(@Valid @ModelAttribute("form") NoticeForm form, BindingResult binding, SignedIn who, Model model,
            RedirectAttributes redirect) {
        var id = FormSubmission.save(binding, form.ruleProblems(), () -> desk.create(who.siteId(), form));
        if (id.isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/notices/" + id.get();
        }
        return formPage(null, model);
    }

    @GetMapping("/notices/{id}/edit")
    @RequiresPermission(NOTICE_EDIT)
    String edit(@PathVariable long id, SignedIn who, Model model) {
        NoticeDesk.Notice n = desk.notice(who.siteId(), id);
        model.addAttribute("form", desk.form(n));
        return formPage(n, model);
    }

    @PostMapping("/notices/{id}")
    @RequiresPermission(NOTICE_EDIT)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") NoticeForm form, BindingResult binding,
            SignedIn who, Model model, RedirectAttributes redirect) {
        NoticeDesk.Notice n = desk.notice(who.siteId(), id);
        if (FormSubmission.done(binding, form.ruleProblems(), () -> desk.update(who.siteId(), id, form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/notices/" + id;
        }
        return formPage(n, model);
    }

    /** The body as the public will see it, while it is typed (htmx). */
    @PostMapping("/notices/preview")
    @RequiresPermission(NOTICE_EDIT)
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("html", NoticeMarkdown.toSafeHtml(PlainText.Rules.truncate(body, NoticeForm.BODY)));
        return "notice/parts :: preview";
    }

    @PostMapping("/notices/{id}/images")
    @RequiresPermission(NOTICE_EDIT)
    String upload(@PathVariable long id, @RequestParam(name = "image", required = false) MultipartFile image,
            SignedIn who, RedirectAttributes redirect) throws IOException {
        desk.notice(who.siteId(), id);
        String type = image == null || image.isEmpty() ? null : org.hallsafe.platform.ImageTypes.of(image.getBytes());
        if (type == null || image.getSize() > MAX_IMAGE) {
            redirect.addFlashAttribute("imageProblem", true);
        } else {
            redirect.addFlashAttribute("uploaded", desk.addImage(who.siteId(), id, type, image.getBytes()));
        }
        return "redirect:/notices/" + id + "/edit";
    }

    @GetMapping("/notices/{id}")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    String show(@PathVariable long id, SignedIn who, Model model) {
        return showPage(desk.notice(who.siteId(), id), who, model);
    }

    @PostMapping("/notices/{id}/approve")
    @RequiresPermission(NOTICE_APPROVE)
    String approve(@PathVariable long id, SignedIn who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "approved", () -> desk.approve(who.siteId(), id), who, model, response, redirect);
    }

    @PostMapping("/notices/{id}/publish")
    @RequiresPermission(NOTICE_EDIT)
    String publish(@PathVariable long id, SignedIn who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "published", () -> desk.publish(who.siteId(), id), who, model, response, redirect);
    }

    @PostMapping("/notices/{id}/withdraw")
    @RequiresPermission(NOTICE_EDIT)
    String withdraw(@PathVariable long id, SignedIn who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, "withdrawn", () -> desk.withdraw(who.siteId(), id), who, model, response, redirect);
    }

    /** Prevention knowledge for staff: the hall's published 防控知识, whatever their channels. */
    @GetMapping("/notices/knowledge")
    @RequiresPermission(NOTICE_VIEW)
    String knowledge(SignedIn who, Model model) {
        List<PublishedNotice> shown = java.util.Arrays.stream(Channel.values())
                .flatMap(c -> notices.published(who.siteId(), c, clock.instant()).stream())
                .filter(n -> n.kind() == Kind.KNOWLEDGE).distinct().toList();
        model.addAttribute("notices", shown);
        return "notice/knowledge";
    }

    private String act(long id, String done, Runnable action, SignedIn who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        NoticeDesk.Notice n = desk.notice(who.siteId(), id);
        try {
            action.run();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", e.messageKey());
            return showPage(n, who, model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/notices/" + id;
    }

    private String showPage(NoticeDesk.Notice n, SignedIn who, Model model) {
        model.addAttribute("notice", n);
        model.addAttribute("versions", desk.versions(who.siteId(), n.id()));
        model.addAttribute("mine", n.updatedBy().equals(who.username()));
        model.addAttribute("publicUrl", notices.publicUrl(who.siteId(), n.id()));
        return "notice/show";
    }

    private String formPage(NoticeDesk.Notice n, Model model) {
        model.addAttribute("notice", n);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("images", n == null ? List.of() : desk.imageIds(n.siteId(), n.id()));
        NoticeForm form = (NoticeForm) model.getAttribute("form");
        model.addAttribute("previewHtml", NoticeMarkdown.toSafeHtml(form == null ? "" : form.body()));
        return "notice/form";
    }
}
