/**
 * Notices (issue 15; R-SVC-1, R-REQ-2): one notice of a hall, written in Markdown by the leadership group's office
 * (领导小组办公室), approved by a second person, published on the channels it names (the website, WeChat, the media,
 * wall boards, the hall's screens), withdrawn or expired; every version kept, everything audited. The postponed-opening
 * notice (推迟开放通告) of the appointments calendar, the public notice page with its Atom feed and embeddable fragment,
 * the prevention-knowledge library, and the notices API.
 * <p>
 * Other modules read published notices only through {@link org.hallsafe.notice.Notices} and hear of changes through
 * {@link org.hallsafe.notice.NoticePublished} and {@link org.hallsafe.notice.NoticeWithdrawn}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "shared"})
package org.hallsafe.notice;
