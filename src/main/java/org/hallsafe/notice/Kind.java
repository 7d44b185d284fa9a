package org.hallsafe.notice;

/** What a notice is about; the public page, the screens and the posters group and style by it. */
public enum Kind {
    /** 推迟开放通告: the hall's windows open later; one place, the appointments calendar, switches it on. */
    POSTPONED_OPENING,
    /** 防控知识: prevention knowledge (masks, hand washing, fever, the hall's rules). */
    KNOWLEDGE,
    /** 工作进展: the progress and state of the work. */
    PROGRESS,
    /** 其他. */
    OTHER;

    /** Message-bundle key of the kind's name. */
    public String label() {
        return "notice.kind." + name();
    }
}
