package org.hallsafe.notice;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.platform.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's channels of a published notice (issue 15, item 3): the WeChat article as a ZIP and through the
 * {@link WeChatPublisher}, the press release (DOCX), the wall poster (A4, A3); and the notice's H5 page for WeChat's
 * browser, which needs no account. A notice that is not published now in the hall answers 404 on each.
 */
@Controller
class NoticeChannelPages {

    /** The paper sizes of the wall poster. */
    enum PosterSize { A4, A3 }

    private final NoticeChannels channels;
    private final String publicBaseUrl;

    NoticeChannelPages(NoticeChannels channels, @Value("${hallsafe.public-base-url:}") String publicBaseUrl) {
        this.channels = channels;
        this.publicBaseUrl = publicBaseUrl;
    }

    private NoticeChannels.ChannelNotice mine(long id, HttpServletRequest request) {
        return channels.published(CurrentUser.get().siteId(), id, PublicAddress.of(publicBaseUrl, request));
    }

    @GetMapping("/notices/{id}/poster")
    @PreAuthorize(NoticePermissions.MANAGE)
    String poster(@PathVariable long id, @RequestParam(defaultValue = "A4") PosterSize size, HttpServletRequest request,
            Model model) {
        PublicAddress base = PublicAddress.of(publicBaseUrl, request);
        NoticeChannels.ChannelNotice notice = channels.published(CurrentUser.get().siteId(), id, base);
        model.addAttribute("notice", notice);
        model.addAttribute("bodyHtml", notice.html());
        model.addAttribute("kindLabel", kindLabel(notice));
        model.addAttribute("qr", NoticeQrCode.svg(notice.url()));
        model.addAttribute("size", size.name());
        model.addAttribute("sizes", List.of(PosterSize.A4.name(), PosterSize.A3.name()));
        model.addAttribute("baseGuessed", base.guessed());
        channels.printed(notice, size.name());
        return "notice/poster";
    }

    @GetMapping("/notices/{id}/wechat.zip")
    @PreAuthorize(NoticePermissions.MANAGE)
    ResponseEntity<byte[]> wechatZip(@PathVariable long id, HttpServletRequest request, Locale locale) {
        NoticeChannels.ChannelNotice notice = mine(id, request);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("notice-" + id + "-wechat.zip"))
                .body(channels.wechatZip(notice, locale));
    }

    @PostMapping("/notices/{id}/wechat/send")
    @PreAuthorize(NoticePermissions.MANAGE)
    String sendToWeChat(@PathVariable long id, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        WeChatPublisher.Result result = channels.publishToWeChat(mine(id, request), locale);
        redirect.addFlashAttribute(result.done() ? "wechatSent" : "wechatFailed", result.reference());
        return "redirect:/notices/" + id;
    }

    @GetMapping("/notices/{id}/press-release.docx")
    @PreAuthorize(NoticePermissions.MANAGE)
    void pressRelease(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        NoticeChannels.ChannelNotice notice = mine(id, request);
        response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("notice-" + id + "-press-release.docx"));
        channels.pressRelease(notice, locale, response.getOutputStream());
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    static String kindLabel(NoticeChannels.ChannelNotice notice) {
        return "notice.kind." + notice.kind();
    }
}
