package org.hallsafe.notice;

/** Where a published notice appears; the office ticks them per notice. */
public enum Channel {
    /** The public notice page, its Atom feed and embeddable fragment (government website, service platform). */
    WEBSITE,
    /** The WeChat official account: H5 page and editor export. */
    WECHAT,
    /** The media: the press release. */
    MEDIA,
    /** Wall and bulletin boards: the printed poster. */
    BOARD,
    /** The hall's display screens. */
    SCREEN;

    /** Message-bundle key of the channel's name. */
    public String label() {
        return "notice.channel." + name();
    }
}
