package org.hallsafe.accountability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hallsafe.organization.SectionFlags;
import org.springframework.stereotype.Component;

/** Flags a test sets for its own hall, until the formalism check (A5) provides the real ones; other halls get none. */
@Component
class TestSectionFlags implements SectionFlags {

    static final Map<Long, List<Flag>> BY_SITE = new ConcurrentHashMap<>();

    @Override
    public List<Flag> flags(long siteId, LocalDate day) {
        return BY_SITE.getOrDefault(siteId, List.of());
    }
}
