package org.hallsafe.notice;

import java.time.Instant;
import java.util.Set;

/**
 * A notice as the public may see it: published and within its validity at the time asked. {@code markdown} is the
 * body as the office wrote it; {@code safeHtml} is that body rendered and sanitized (no script, no event handlers, no
 * {@code javascript:} links, no style attributes, pictures only from {@code /public/notices/images/{id}}) and may be
 * written into a page unescaped ({@code th:utext}). {@code validUntil} is null for a notice without an end.
 */
public record PublishedNotice(long id, long siteId, Kind kind, String title, String markdown, String safeHtml,
        Instant publishedAt, Instant validFrom, Instant validUntil, int version, Set<Channel> channels) {

    public PublishedNotice {
        channels = Set.copyOf(channels);
    }
}
