package org.hallsafe.notice;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormSubmission;
import org.hallsafe.platform.HallSafeProperties;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The office's notice pages: the list (filter by state), write or change a notice in Markdown with a live preview,
 * upload a picture into it, approve (a second person), publish, withdraw; each version kept and listed. Staff read
 * the prevention-knowledge library on {@code /notices/knowledge}.
 */
@Controller
class NoticePages {

    private static final String EDIT = "hasAuthority(T(org.hallsafe.platform.Permissions).NOTICE_EDIT)";
    private static final String APPROVE = "hasAuthority(T(org.hallsafe.platform.Permissions).NOTICE_APPROVE)";
    private static final String SEE = EDIT + " or " + APPROVE;
    private static final String VIEW = "hasAuthority(T(org.hallsafe.platform.Permissions).NOTICE_VIEW)";
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
    @PreAuthorize(SEE)
    String list(@RequestParam(required = false) Status status, Model model) {
        model.addAttribute("rows", desk.list(site(), status, 200));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("kinds", Kind.values());
        return "notice/list";
    }

    @GetMapping("/notices/new")
    @PreAuthorize(EDIT)
    String create(@RequestParam(required = false) Kind kind, Model model) {
        model.addAttribute("form", NoticeForm.empty(kind, LocalDateTime.now(clock.withZone(properties.zone()))));
        return formPage(null, model);
    }

    @PostMapping("/notices")
    @PreAuthorize(EDIT)
    String save(@Valid @ModelAttribute("form") NoticeForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        var id = FormSubmission.save(binding, form.ruleProblems(), () -> desk.create(site(), form));
        if (id.isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/notices/" + id.get();
        }
        return formPage(null, model);
    }

    @GetMapping("/notices/{id}/edit")
    @PreAuthorize(EDIT)
    String edit(@PathVariable long id, Model model) {
        NoticeDesk.Notice n = desk.notice(site(), id);
        model.addAttribute("form", desk.form(n));
        return formPage(n, model);
    }

    @PostMapping("/notices/{id}")
    @PreAuthorize(EDIT)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") NoticeForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        NoticeDesk.Notice n = desk.notice(site(), id);
        if (FormSubmission.done(binding, form.ruleProblems(), () -> desk.update(site(), id, form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/notices/" + id;
        }
        return formPage(n, model);
    }

    /** The body as the public will see it, while it is typed (htmx). */
    @PostMapping("/notices/preview")
    @PreAuthorize(EDIT)
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("html", NoticeMarkdown.toSafeHtml(PlainText.Rules.truncate(body, NoticeForm.BODY)));
        return "notice/parts :: preview";
    }

    @PostMapping("/notices/{id}/images")
    @PreAuthorize(EDIT)
    String upload(@PathVariable long id, @RequestParam(name = "image", required = false) MultipartFile image,
            RedirectAttributes redirect) throws IOException {
        desk.notice(site(), id);
        String type = image == null || image.isEmpty() ? null : org.hallsafe.platform.ImageTypes.of(image.getBytes());
        if (type == null || image.getSize() > MAX_IMAGE) {
            redirect.addFlashAttribute("imageProblem", true);
        } else {
            redirect.addFlashAttribute("uploaded", desk.addImage(site(), id, type, image.getBytes()));
        }
        return "redirect:/notices/" + id + "/edit";
    }

    @GetMapping("/notices/{id}")
    @PreAuthorize(SEE)
    String show(@PathVariable long id, Model model) {
        return showPage(desk.notice(site(), id), model);
    }

    @PostMapping("/notices/{id}/approve")
    @PreAuthorize(APPROVE)
    String approve(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "approved", () -> desk.approve(site(), id), model, response, redirect);
    }

    @PostMapping("/notices/{id}/publish")
    @PreAuthorize(EDIT)
    String publish(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "published", () -> desk.publish(site(), id), model, response, redirect);
    }

    @PostMapping("/notices/{id}/withdraw")
    @PreAuthorize(EDIT)
    String withdraw(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "withdrawn", () -> desk.withdraw(site(), id), model, response, redirect);
    }

    /** Prevention knowledge for staff: the hall's published 防控知识, whatever their channels. */
    @GetMapping("/notices/knowledge")
    @PreAuthorize(VIEW)
    String knowledge(Model model) {
        List<PublishedNotice> shown = java.util.Arrays.stream(Channel.values())
                .flatMap(c -> notices.published(site(), c, clock.instant()).stream())
                .filter(n -> n.kind() == Kind.KNOWLEDGE).distinct().toList();
        model.addAttribute("notices", shown);
        return "notice/knowledge";
    }

    private String act(long id, String done, Runnable action, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        NoticeDesk.Notice n = desk.notice(site(), id);
        try {
            action.run();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", e.messageKey());
            return showPage(n, model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/notices/" + id;
    }

    private String showPage(NoticeDesk.Notice n, Model model) {
        model.addAttribute("notice", n);
        model.addAttribute("versions", desk.versions(site(), n.id()));
        model.addAttribute("mine", n.updatedBy().equals(CurrentUser.get().getUsername()));
        model.addAttribute("publicUrl", notices.publicUrl(site(), n.id()));
        return "notice/show";
    }

    private String formPage(NoticeDesk.Notice n, Model model) {
        model.addAttribute("notice", n);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("images", n == null ? List.of() : desk.imageIds(site(), n.id()));
        NoticeForm form = (NoticeForm) model.getAttribute("form");
        model.addAttribute("previewHtml", NoticeMarkdown.toSafeHtml(form == null ? "" : form.body()));
        return "notice/form";
    }

    private static long site() {
        return CurrentUser.get().siteId();
    }
}
