package org.hallsafe.notice;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.HallSafeProperties;
import org.hallsafe.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published notice on the channels beyond the web page (issue 15, item 3): the WeChat article and its H5 page, the
 * press release, the wall poster. Each reads the notice through {@link Notices} as published now: a draft, a
 * withdrawn or expired notice, or one of another hall, is not found, on every channel alike.
 */
@Service
class NoticeChannels {

    private final Notices notices;
    private final Directory directory;
    private final NoticeChannelProperties properties;
    private final NoticeProperties noticeProperties;
    private final WeChatPublisher publisher;
    private final MessageSource messages;
    private final ActivityLog activity;
    private final ZoneId zone;

    NoticeChannels(Notices notices, Directory directory, NoticeChannelProperties properties,
            NoticeProperties noticeProperties, WeChatPublisher publisher, MessageSource messages, ActivityLog activity,
            HallSafeProperties hallsafe) {
        this.notices = notices;
        this.directory = directory;
        this.properties = properties;
        this.noticeProperties = noticeProperties;
        this.publisher = publisher;
        this.messages = messages;
        this.activity = activity;
        this.zone = hallsafe.zone();
    }

    /**
     * A published notice as the channels use it.
     *
     * @param hall the hall's name
     * @param date the day it was published, in the hall's zone (shown as 2026-11-28)
     * @param validUntil the last day it is valid, or null
     * @param url its stable public web page, absolute
     */
    record ChannelNotice(long siteId, long id, String hallCode, String hall, Kind kind, String title,
            String markdown, String html, LocalDate date, LocalDate validUntil, String url) {
    }

    /**
     * The notice as published now in this hall for the channel, or {@link NotFoundException}: a draft, a
     * withdrawn or expired notice, one of another hall, and one not meant for this channel are all not found.
     */
    @Transactional(readOnly = true)
    ChannelNotice published(long siteId, long id, Channel channel) {
        PublishedNotice notice = notices.published(siteId, id).filter(n -> n.channels().contains(channel))
                .orElseThrow(() -> NotFoundException.of("notice", id));
        SiteView site = directory.site(siteId);
        // valid until midnight is valid through the day before
        LocalDate until = notice.validUntil() == null ? null
                : notice.validUntil().minusNanos(1).atZone(zone).toLocalDate();
        return new ChannelNotice(siteId, id, site.code(), site.name(), notice.kind(), notice.title(),
                notice.markdown(), notice.safeHtml(), notice.publishedAt().atZone(zone).toLocalDate(), until,
                notices.publicUrl(siteId, id));
    }

    /** Whether the public address is the request's, for want of {@code hallsafe.notice.public-base-url}. */
    boolean addressGuessed() {
        return noticeProperties.publicBaseUrl().isBlank();
    }

    WeChatPublisher.WeChatArticle article(ChannelNotice notice, Locale locale) {
        String byline = notice.hall() + " · " + notice.date();
        String footer = messages.getMessage("notice.export.wechat.source", new Object[] {notice.url()}, locale);
        return WeChatArticles.article(notice, byline, footer,
                src -> picture(notice, src));
    }

    /** A picture of this notice by its address in the body ({@code /public/notices/images/7}); no other. */
    private Optional<WeChatArticles.Picture> picture(ChannelNotice notice, String src) {
        if (src == null || !NoticeMarkdown.IMAGE_SRC.matcher(src).matches()) {
            return Optional.empty();
        }
        long imageId;
        try {
            imageId = Long.parseLong(src.substring(src.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return notices.image(notice.siteId(), imageId).filter(i -> i.noticeId() == notice.id())
                .map(i -> new WeChatArticles.Picture(i.contentType(), i.bytes()));
    }

    byte[] wechatZip(ChannelNotice notice, Locale locale) {
        byte[] zip = WeChatArticles.zip(article(notice, locale));
        activity.record("NOTICE_EXPORTED", "notice", notice.id(), "wechat");
        return zip;
    }

    WeChatPublisher.Result publishToWeChat(ChannelNotice notice, Locale locale) {
        WeChatPublisher.Result result = publisher.publish(article(notice, locale));
        activity.record(result.done() ? "NOTICE_SENT" : "NOTICE_SEND_FAILED", "notice", notice.id(),
                "wechat: " + result.reference());
        return result;
    }

    void pressRelease(ChannelNotice notice, Locale locale, OutputStream out) throws IOException {
        PressRelease.Labels labels = new PressRelease.Labels(
                messages.getMessage("notice.export.press.heading", null, locale),
                messages.getMessage("notice.export.press.issuer", null, locale),
                messages.getMessage("notice.export.press.contact", null, locale),
                messages.getMessage("notice.export.press.web", null, locale));
        PressRelease.write(notice, contact(notice.siteId()), labels, out);
        activity.record("NOTICE_EXPORTED", "notice", notice.id(), "press release");
    }

    void printed(ChannelNotice notice, String size) {
        activity.record("NOTICE_PRINTED", "notice", notice.id(), "poster " + size);
    }

    /**
     * Whom the media call: the configured contact; else the hall's address and the phone of its office (the section
     * whose name ends in 办公室 and has a phone), as far as the directory knows them.
     */
    String contact(long siteId) {
        if (!properties.pressContact().isBlank()) {
            return properties.pressContact().strip();
        }
        String address = directory.site(siteId).address();
        Optional<String> office = directory.departments(siteId, DepartmentKind.SECTION, "", false).stream()
                .filter(d -> d.name().endsWith("办公室") && d.phone() != null && !d.phone().isBlank())
                .map(d -> d.name() + " " + d.phone()).findFirst();
        return String.join("  ", java.util.stream.Stream.of(office.orElse(""), address == null ? "" : address)
                .filter(s -> !s.isBlank()).toList());
    }
}
