package org.hallsafe.notice;

/**
 * A published notice of the hall is no longer shown: withdrawn by the office, or {@code expired} at the end of its
 * validity. Pages and screens showing it should drop it.
 */
public record NoticeWithdrawn(long siteId, long noticeId, boolean expired) {
}
