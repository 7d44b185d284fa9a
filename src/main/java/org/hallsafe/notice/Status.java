package org.hallsafe.notice;

/** Where a notice stands: draft, approved by a second person, published, then withdrawn or expired. */
enum Status {
    DRAFT, APPROVED, PUBLISHED, WITHDRAWN, EXPIRED;

    /** Only an unpublished notice is edited; a published one is withdrawn first. Editing makes it a draft again. */
    public boolean editable() {
        return this != PUBLISHED;
    }

    boolean canTransitionTo(Status next) {
        return switch (next) {
            case DRAFT -> editable();
            case APPROVED -> this == DRAFT;
            case PUBLISHED -> this == APPROVED;
            case WITHDRAWN, EXPIRED -> this == PUBLISHED;
        };
    }

    public String label() {
        return "notice.status." + name();
    }
}
