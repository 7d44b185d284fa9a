package org.hallsafe.notice;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.RateLimits;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.QrCodes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static org.hallsafe.platform.Permissions.NOTICE_APPROVE;
import static org.hallsafe.platform.Permissions.NOTICE_EDIT;

/**
 * A published notice on its other channels (issue 15, item 3): for the office and the leadership group, the WeChat
 * article as a ZIP and through the {@link WeChatPublisher}, the press release (DOCX) and the wall poster (A4, A3);
 * for anyone, the notice's H5 page for WeChat's browser. Each channel serves only a notice published now in the hall
 * and meant for that channel; any other answers 404.
 */
@Controller
class NoticeChannelPages {

    /** The paper sizes of the wall poster. */
    enum PosterSize { A4, A3 }

    private final NoticeChannels channels;
    private final Directory directory;
    private final RateLimits limits;

    NoticeChannelPages(NoticeChannels channels, Directory directory, RateLimits limits) {
        this.channels = channels;
        this.directory = directory;
        this.limits = limits;
    }

    /** The notice's page for WeChat's in-app browser: the link the official account's menu or article points to. */
    @GetMapping("/public/notices/{id}/wechat")
    String wechat(@PathVariable long id, @RequestParam(required = false) String hall, HttpServletRequest request,
            Locale locale, Model model) {
        limits.consume(RateLimits.Kind.PUBLIC_READ_ADDRESS, request);
        SiteView site = hall(hall);
        NoticeChannels.ChannelNotice notice = channels.published(site.id(), id, Channel.WECHAT);
        model.addAttribute("notice", notice);
        model.addAttribute("langUrl", UriComponentsBuilder.fromPath("/public/notices/{id}/wechat")
                .queryParam("hall", site.code()).queryParam("lang", "en".equals(locale.getLanguage()) ? "zh-CN" : "en")
                .buildAndExpand(id).toUriString());
        return "notice/wechat";
    }

    /** From the office's notice page to the H5 page of its hall (the public page chooses the hall by its code). */
    @GetMapping("/notices/{id}/wechat")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    String openWeChatPage(@PathVariable long id, SignedIn who) {
        NoticeChannels.ChannelNotice notice = channels.published(who.siteId(), id, Channel.WECHAT);
        return "redirect:" + UriComponentsBuilder.fromPath("/public/notices/{id}/wechat")
                .queryParam("hall", notice.hallCode()).buildAndExpand(id).toUriString();
    }

    @GetMapping("/notices/{id}/poster")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    String poster(@PathVariable long id, @RequestParam(defaultValue = "A4") PosterSize size, SignedIn who,
            Model model) {
        NoticeChannels.ChannelNotice notice = channels.published(who.siteId(), id, Channel.BOARD);
        model.addAttribute("notice", notice);
        model.addAttribute("qr", QrCodes.svg(notice.url()));
        model.addAttribute("size", size.name());
        model.addAttribute("sizes", List.of(PosterSize.A4.name(), PosterSize.A3.name()));
        model.addAttribute("addressGuessed", channels.addressGuessed());
        channels.printed(notice, size.name());
        return "notice/poster";
    }

    @GetMapping("/notices/{id}/wechat.zip")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    ResponseEntity<byte[]> wechatZip(@PathVariable long id, SignedIn who, Locale locale) {
        NoticeChannels.ChannelNotice notice = channels.published(who.siteId(), id, Channel.WECHAT);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("notice-" + id + "-wechat.zip"))
                .body(channels.wechatZip(notice, locale));
    }

    @PostMapping("/notices/{id}/wechat/send")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    String sendToWeChat(@PathVariable long id, SignedIn who, Locale locale, RedirectAttributes redirect) {
        WeChatPublisher.Result result = channels.publishToWeChat(channels.published(who.siteId(), id, Channel.WECHAT), locale);
        redirect.addFlashAttribute(result.done() ? "wechatSent" : "wechatFailed", result.reference());
        return "redirect:/notices/" + id;
    }

    @GetMapping("/notices/{id}/press-release.docx")
    @RequiresPermission({NOTICE_EDIT, NOTICE_APPROVE})
    void pressRelease(@PathVariable long id, SignedIn who, HttpServletResponse response, Locale locale)
            throws IOException {
        NoticeChannels.ChannelNotice notice = channels.published(who.siteId(), id, Channel.MEDIA);
        response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("notice-" + id + "-press-release.docx"));
        channels.pressRelease(notice, locale, response.getOutputStream());
    }

    /** The hall of a public page by its code, as the booking pages choose it; none given: the first hall. */
    private SiteView hall(String code) {
        String wanted = code == null ? "" : code.strip();
        return directory.sites(wanted, false).stream().filter(s -> wanted.isEmpty() || s.code().equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> NotFoundException.of("hall", code));
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
