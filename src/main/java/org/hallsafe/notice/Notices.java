package org.hallsafe.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hallsafe.organization.Directory;
import org.hallsafe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The published notices of a hall, for every channel: what the public may see at a moment, the hall's current
 * postponed-opening notice (推迟开放通告), the notices' pictures, and their public addresses. Reads only what is
 * published and within its validity; drafts never leave the module.
 */
@Service
public class Notices {

    private static final String COLUMNS = """
            n.id, n.site_id, n.kind, n.title, n.body, n.published_at, n.valid_from, n.valid_until, n.version, n.channels
            """;
    private static final String SHOWN = """
            n.status = 'PUBLISHED' AND n.valid_from <= :at AND (n.valid_until IS NULL OR n.valid_until > :at)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final NoticeProperties properties;
    private final NoticeDesk desk;

    Notices(JdbcClient jdbc, Clock clock, Directory directory, NoticeProperties properties, NoticeDesk desk) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.properties = properties;
        this.desk = desk;
    }

    /** The hall's notices shown on the channel at the moment, newest published first. */
    @Transactional(readOnly = true)
    public List<PublishedNotice> published(long siteId, Channel channel, Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notices n WHERE n.site_id = :site AND " + SHOWN
                        + " AND :channel = ANY (n.channels) ORDER BY n.published_at DESC, n.id DESC")
                .param("site", siteId).param("at", Timestamp.from(at)).param("channel", channel.name())
                .query(Notices::row).list();
    }

    /** One notice of the hall if it is shown now (on any channel); empty for drafts, withdrawn, expired or another hall's. */
    @Transactional(readOnly = true)
    public Optional<PublishedNotice> published(long siteId, long noticeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notices n WHERE n.site_id = :site AND n.id = :id AND " + SHOWN)
                .param("site", siteId).param("id", noticeId).param("at", Timestamp.from(clock.instant()))
                .query(Notices::row).optional();
    }

    /** The hall's postponed-opening notice shown now: the newest published one of that kind, if any. */
    @Transactional(readOnly = true)
    public Optional<PublishedNotice> postponedOpening(long siteId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notices n WHERE n.site_id = :site AND n.kind = 'POSTPONED_OPENING' AND "
                        + SHOWN + " ORDER BY n.published_at DESC, n.id DESC LIMIT 1")
                .param("site", siteId).param("at", Timestamp.from(clock.instant())).query(Notices::row).optional();
    }

    /**
     * The hall opens normally again (推迟开放 switched off in the appointments calendar): every shown postponed-opening
     * notice of the hall is withdrawn, audited and announced. Returns how many were withdrawn.
     */
    @Transactional
    public int withdrawPostponedOpening(long siteId) {
        return desk.withdrawKind(siteId, Kind.POSTPONED_OPENING);
    }

    /** A picture of a notice, as uploaded. */
    public record Image(long id, long noticeId, String contentType, byte[] bytes) {
    }

    /** A picture of one of the hall's notices that is shown now (a draft's pictures stay inside). */
    @Transactional(readOnly = true)
    public Optional<Image> image(long siteId, long imageId) {
        return jdbc.sql("""
                SELECT i.id, i.notice_id, i.content_type, i.bytes FROM notice_images i
                JOIN notices n ON n.site_id = i.site_id AND n.id = i.notice_id
                WHERE i.site_id = :site AND i.id = :id AND""" + " " + SHOWN)
                .param("site", siteId).param("id", imageId).param("at", Timestamp.from(clock.instant()))
                .query(Image.class).optional();
    }

    /** The pictures of a shown notice, in upload order. */
    @Transactional(readOnly = true)
    public List<Image> images(long siteId, long noticeId) {
        return jdbc.sql("""
                SELECT i.id, i.notice_id, i.content_type, i.bytes FROM notice_images i
                JOIN notices n ON n.site_id = i.site_id AND n.id = i.notice_id
                WHERE i.site_id = :site AND i.notice_id = :notice AND""" + " " + SHOWN + " ORDER BY i.id")
                .param("site", siteId).param("notice", noticeId).param("at", Timestamp.from(clock.instant()))
                .query(Image.class).list();
    }

    /** The body as plain text, without any markup (a screen's line, a feed's summary). */
    public static String plainText(PublishedNotice notice) {
        return NoticeMarkdown.toPlainText(notice.markdown());
    }

    /** The notice's stable public page, e.g. {@code https://host/public/notices/42?hall=HQ} (for QR codes and exports). */
    public String publicUrl(long siteId, long noticeId) {
        return base().path("/public/notices/{id}").queryParam("hall", directory.site(siteId).code())
                .buildAndExpand(noticeId).toUriString();
    }

    /** A hall by its code, for the public pages and API; without a code, the first active hall (as the booking pages). */
    org.hallsafe.organization.Views.SiteView hall(String code) {
        String wanted = code == null ? "" : code.strip();
        if (wanted.length() > 40) {
            throw NotFoundException.of("hall");
        }
        return directory.sites(wanted, false).stream()
                .filter(s -> wanted.isEmpty() || s.code().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> NotFoundException.of("hall", wanted));
    }

    /** The public address HallSafe is reached at: {@code hallsafe.notice.public-base-url}, or the current request's. */
    UriComponentsBuilder base() {
        String configured = properties.publicBaseUrl().strip();
        if (!configured.isEmpty()) {
            return UriComponentsBuilder.fromUriString(configured.replaceAll("/+$", ""));
        }
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath();
        } catch (IllegalStateException outsideARequest) {
            return UriComponentsBuilder.fromUriString("http://localhost:8080");
        }
    }

    static PublishedNotice row(ResultSet rs, int n) throws SQLException {
        return new PublishedNotice(rs.getLong("id"), rs.getLong("site_id"), Kind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("body"), NoticeMarkdown.toSafeHtml(rs.getString("body")),
                instant(rs, "published_at"), instant(rs, "valid_from"), instant(rs, "valid_until"), rs.getInt("version"),
                channels(rs));
    }

    static Set<Channel> channels(ResultSet rs) throws SQLException {
        Set<Channel> set = EnumSet.noneOf(Channel.class);
        Arrays.stream((String[]) rs.getArray("channels").getArray()).map(Channel::valueOf).forEach(set::add);
        return set;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
