package org.hallsafe.notice;

/** A notice of the hall was published: pages and screens showing the hall's notices may refresh. */
public record NoticePublished(long siteId, long noticeId) {
}
