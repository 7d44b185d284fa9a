package org.hallsafe.appointments;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.shared.PerRequest;
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

    /**
     * Every window of the hall by its id, in number order; read once a request (a booking asks for the item's, the
     * slot's and the suggested slots' windows).
     */
    Map<Long, WindowView> of(long siteId) {
        return PerRequest.once(HallWindows.class.getName() + "." + siteId, () -> {
            Map<Long, WindowView> windows = new LinkedHashMap<>();
            directory.windows(siteId, "", true).forEach(w -> windows.put(w.id(), w));
            return Collections.unmodifiableMap(windows);
        });
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
