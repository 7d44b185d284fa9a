package org.hallsafe.appointments;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A hall's windows (retired ones too, so old bookings keep their window's number), read through organization's
 * facade: appointments keeps the window's id and never joins organization's tables.
 */
@Component
class HallWindows {

    private static final WindowView UNKNOWN = new WindowView(0, 0, "", "", null, "", true);

    private final Directory directory;

    HallWindows(Directory directory) {
        this.directory = directory;
    }

    /** Every window of the hall by its id. */
    Map<Long, WindowView> of(long siteId) {
        Map<Long, WindowView> windows = new HashMap<>();
        directory.windows(siteId, "", true).forEach(w -> windows.put(w.id(), w));
        return windows;
    }

    /**
     * Windows a request names must be windows of the hall: another hall's answers as if it were not there (404), so
     * nothing is stored or recorded for it.
     */
    void require(long siteId, Collection<Long> windowIds) {
        if (windowIds == null || windowIds.isEmpty()) {
            return;
        }
        Map<Long, WindowView> own = of(siteId);
        for (Long w : windowIds) {
            if (w != null && !own.containsKey(w)) {
                throw NotFoundException.of("window", w);
            }
        }
    }

    static WindowView in(Map<Long, WindowView> windows, long windowId) {
        return windows.getOrDefault(windowId, UNKNOWN);
    }
}
