package org.hallsafe.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.HallSafeProperties;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's desk: write a draft, change it (each save a new version, kept for ever), approve it (someone other
 * than who wrote that version), publish it, withdraw it; published notices past their end are marked expired. Every
 * step checks the state in one conditional update, is audited, and tells the hall's pages (live) and other modules
 * ({@link NoticePublished}, {@link NoticeWithdrawn}).
 */
@Service
class NoticeDesk {

    /** The office's list of a hall's notices, last changed first. */
    record Row(long id, Kind kind, Status status, String title, int version, Instant updatedAt, String updatedBy,
            Instant publishedAt, Instant validFrom, Instant validUntil) {
    }

    /** A notice as it stands, with who did what. */
    record Notice(long id, long siteId, Kind kind, Status status, String title, String body, List<Channel> channels,
            Instant validFrom, Instant validUntil, int version, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy, Instant approvedAt, String approvedBy, Instant publishedAt, String publishedBy,
            Instant endedAt, String endedBy) {

        public String safeHtml() {
            return NoticeMarkdown.toSafeHtml(body);
        }
    }

    /** One saved version. */
    record Version(int version, Kind kind, String title, String body, Instant savedAt, String savedBy) {
    }

    static final String LIVE_EVENT = "notices";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final ActivityLog activity;
    private final ApplicationEventPublisher events;
    private final LiveUpdates live;
    private final FormShape shape;

    NoticeDesk(JdbcClient jdbc, Clock clock, HallSafeProperties properties, ActivityLog activity,
            ApplicationEventPublisher events, LiveUpdates live, FormShape shape) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
        this.activity = activity;
        this.events = events;
        this.live = live;
        this.shape = shape;
    }

    @Transactional
    public long create(long siteId, NoticeForm form) {
        return create(siteId, form, SignedIn.actor());
    }

    private long create(long siteId, NoticeForm form, String by) {
        shape.check(form, form.ruleProblems());
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO notices (site_id, kind, title, body, channels, valid_from, valid_until, created_at, created_by,
                                     updated_at, updated_by)
                VALUES (:site, :kind, :title, :body, string_to_array(:channels, ','), :from, :until, :now, :by, :now, :by) RETURNING id""")
                .param("site", siteId).param("kind", form.kind().name()).param("title", form.title().strip())
                .param("body", form.body().strip()).param("channels", channels(form))
                .param("from", at(form.validFrom())).param("until", at(form.validUntil()))
                .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
        keepVersion(siteId, id);
        activity.record("CREATED", "notice", id, form.kind() + " v1: " + form.title().strip());
        live.publishToSite(siteId, LIVE_EVENT);
        return id;
    }

    /** A new version of an unpublished notice; it becomes a draft again and needs a new approval. */
    @Transactional
    public void update(long siteId, long id, NoticeForm form) {
        Notice before = notice(siteId, id);
        shape.check(form, form.ruleProblems());
        if (!before.status().editable()) {
            throw new InvalidInputException("title", "notice.error.publishedNotEditable");
        }
        int changed = jdbc.sql("""
                UPDATE notices SET kind = :kind, title = :title, body = :body, channels = string_to_array(:channels, ','), valid_from = :from,
                       valid_until = :until, version = version + 1, status = 'DRAFT', approved_at = NULL,
                       approved_by = NULL, updated_at = :now, updated_by = :by
                WHERE site_id = :site AND id = :id AND status <> 'PUBLISHED' AND version = :version""")
                .param("site", siteId).param("id", id).param("version", before.version())
                .param("kind", form.kind().name()).param("title", form.title().strip())
                .param("body", form.body().strip()).param("channels", channels(form))
                .param("from", at(form.validFrom())).param("until", at(form.validUntil()))
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
        if (changed == 0) {
            throw new InvalidInputException("title", "notice.error.changedMeanwhile");
        }
        keepVersion(siteId, id);
        activity.record("UPDATED", "notice", id, form.kind() + " v" + (before.version() + 1) + ": " + form.title().strip());
        live.publishToSite(siteId, LIVE_EVENT);
    }

    /** Approves the current version: someone other than the person who wrote it. */
    @Transactional
    public void approve(long siteId, long id) {
        approve(siteId, id, SignedIn.actor());
    }

    private void approve(long siteId, long id, String by) {
        Notice n = notice(siteId, id);
        if (n.status() != Status.DRAFT) {
            throw new InvalidInputException("status", "notice.error.notDraft");
        }
        if (n.updatedBy().equals(by)) {
            throw new InvalidInputException("status", "notice.error.ownApproval");
        }
        move(n, Status.APPROVED, "approved_at = :now, approved_by = :by", "status = 'DRAFT' AND version = " + n.version(), by);
        activity.record("APPROVED", "notice", id, n.kind() + " v" + n.version() + ": " + n.title());
    }

    /** Publishes an approved notice on its channels, at once. */
    @Transactional
    public void publish(long siteId, long id) {
        publish(siteId, id, SignedIn.actor());
    }

    private void publish(long siteId, long id, String by) {
        Notice n = notice(siteId, id);
        if (n.status() != Status.APPROVED) {
            throw new InvalidInputException("status", "notice.error.notApproved");
        }
        move(n, Status.PUBLISHED, "published_at = :now, published_by = :by, ended_at = NULL, ended_by = NULL",
                "status = 'APPROVED' AND version = " + n.version(), by);
        activity.record("PUBLISHED", "notice", id, n.kind() + " v" + n.version() + " " + n.channels() + ": " + n.title());
        events.publishEvent(new NoticePublished(siteId, id));
    }

    /** Takes a published notice off every channel, at once. */
    @Transactional
    public void withdraw(long siteId, long id) {
        Notice n = notice(siteId, id);
        if (n.status() != Status.PUBLISHED) {
            throw new InvalidInputException("status", "notice.error.notPublished");
        }
        move(n, Status.WITHDRAWN, "ended_at = :now, ended_by = :by", "status = 'PUBLISHED'", SignedIn.actor());
        activity.record("WITHDRAWN", "notice", id, n.kind() + " v" + n.version() + ": " + n.title());
        events.publishEvent(new NoticeWithdrawn(siteId, id, false));
    }

    /**
     * A notice HallSafe brings with it (the demo's prevention knowledge): written, approved and published in one step,
     * each step audited with the names given.
     */
    @Transactional
    public long seed(long siteId, NoticeForm form, String author, String approver) {
        long id = create(siteId, form, author);
        approve(siteId, id, approver);
        publish(siteId, id, approver);
        return id;
    }

    /** Withdraws every published notice of the kind in the hall (the postponed opening is over). */
    @Transactional
    public int withdrawKind(long siteId, Kind kind) {
        List<Long> ids = jdbc.sql("SELECT id FROM notices WHERE site_id = :site AND kind = :kind AND status = 'PUBLISHED' ORDER BY id")
                .param("site", siteId).param("kind", kind.name()).query(Long.class).list();
        ids.forEach(id -> withdraw(siteId, id));
        return ids.size();
    }

    /** Marks published notices past their end as expired (they already left every channel at their end). */
    @Scheduled(fixedDelayString = "${hallsafe.notice.expiry-check:5m}", initialDelayString = "${hallsafe.notice.expiry-check:5m}")
    @Transactional
    public int expire() {
        Instant now = clock.instant();
        List<long[]> ended = jdbc.sql("""
                UPDATE notices SET status = 'EXPIRED', ended_at = valid_until, ended_by = 'system'
                WHERE status = 'PUBLISHED' AND valid_until <= :now RETURNING site_id, id""")
                .param("now", Timestamp.from(now)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] e : ended) {
            activity.record(e[0], "system", "EXPIRED", "notice", e[1], "valid until passed");
            events.publishEvent(new NoticeWithdrawn(e[0], e[1], true));
            live.publishToSite(e[0], LIVE_EVENT);
        }
        return ended.size();
    }

    /** A picture for a notice's body, checked by its first bytes (see {@link #imageType}). */
    @Transactional
    public long addImage(long siteId, long noticeId, String contentType, byte[] bytes) {
        notice(siteId, noticeId);
        long id = jdbc.sql("""
                INSERT INTO notice_images (site_id, notice_id, content_type, bytes, created_at, created_by)
                VALUES (:site, :notice, :type, :bytes, :now, :by) RETURNING id""")
                .param("site", siteId).param("notice", noticeId).param("type", contentType).param("bytes", bytes)
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).query(Long.class).single();
        activity.record("UPLOADED", "notice-image", id, "notice " + noticeId + ", " + bytes.length + " bytes");
        return id;
    }

    /** A picture of one of the hall's notices, drafts included (the office's preview). */
    @Transactional(readOnly = true)
    public Optional<Notices.Image> image(long siteId, long imageId) {
        return jdbc.sql("SELECT id, notice_id, content_type, bytes FROM notice_images WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", imageId).query(Notices.Image.class).optional();
    }

    /** The hall a picture belongs to. */
    @Transactional(readOnly = true)
    public Optional<Long> siteOfImage(long imageId) {
        return jdbc.sql("SELECT site_id FROM notice_images WHERE id = :id").param("id", imageId).query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Long> imageIds(long siteId, long noticeId) {
        return jdbc.sql("SELECT id FROM notice_images WHERE site_id = :site AND notice_id = :notice ORDER BY id")
                .param("site", siteId).param("notice", noticeId).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public List<Row> list(long siteId, Status status, int limit) {
        return jdbc.sql("""
                SELECT id, kind, status, title, version, updated_at, updated_by, published_at, valid_from, valid_until
                FROM notices WHERE site_id = :site AND (CAST(:status AS text) IS NULL OR status = :status)
                ORDER BY updated_at DESC, id DESC LIMIT :limit""")
                .param("site", siteId).param("status", status == null ? null : status.name()).param("limit", limit)
                .query(Row.class).list();
    }

    /** A notice of the hall as it stands; another hall's id is not found. */
    @Transactional(readOnly = true)
    public Notice notice(long siteId, long id) {
        return jdbc.sql("SELECT * FROM notices WHERE site_id = :site AND id = :id").param("site", siteId).param("id", id)
                .query((rs, n) -> new Notice(rs.getLong("id"), rs.getLong("site_id"), Kind.valueOf(rs.getString("kind")),
                        Status.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("body"),
                        List.copyOf(Notices.channels(rs)), Notices.instant(rs, "valid_from"),
                        Notices.instant(rs, "valid_until"), rs.getInt("version"), Notices.instant(rs, "created_at"),
                        rs.getString("created_by"), Notices.instant(rs, "updated_at"), rs.getString("updated_by"),
                        Notices.instant(rs, "approved_at"), rs.getString("approved_by"),
                        Notices.instant(rs, "published_at"), rs.getString("published_by"),
                        Notices.instant(rs, "ended_at"), rs.getString("ended_by")))
                .optional().orElseThrow(() -> org.hallsafe.platform.NotFoundException.of("notice", id));
    }

    @Transactional(readOnly = true)
    public List<Version> versions(long siteId, long id) {
        return jdbc.sql("""
                SELECT version, kind, title, body, saved_at, saved_by FROM notice_versions
                WHERE site_id = :site AND notice_id = :id ORDER BY version DESC""")
                .param("site", siteId).param("id", id).query(Version.class).list();
    }

    /** The form of a notice as it stands, in the hall's time. */
    NoticeForm form(Notice n) {
        return new NoticeForm(n.kind(), n.title(), n.body(), local(n.validFrom()), local(n.validUntil()), n.channels());
    }

    LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    private void move(Notice n, Status next, String stamps, String expected, String by) {
        int changed = jdbc.sql("UPDATE notices SET status = :next, " + stamps + " WHERE site_id = :site AND id = :id AND "
                        + expected)
                .param("next", next.name()).param("now", Timestamp.from(clock.instant())).param("by", by)
                .param("site", n.siteId()).param("id", n.id()).update();
        if (changed == 0) {
            throw new InvalidInputException("status", "notice.error.changedMeanwhile");
        }
        live.publishToSite(n.siteId(), LIVE_EVENT);
    }

    private void keepVersion(long siteId, long id) {
        jdbc.sql("""
                INSERT INTO notice_versions (site_id, notice_id, version, kind, title, body, channels, valid_from,
                                             valid_until, saved_at, saved_by)
                SELECT site_id, id, version, kind, title, body, channels, valid_from, valid_until, updated_at, updated_by
                FROM notices WHERE site_id = :site AND id = :id""").param("site", siteId).param("id", id).update();
    }

    private Timestamp at(LocalDateTime local) {
        return local == null ? null : Timestamp.from(local.atZone(zone).toInstant());
    }

    private static String channels(NoticeForm form) {
        return form.channels().stream().distinct().map(Channel::name).collect(java.util.stream.Collectors.joining(","));
    }
}
