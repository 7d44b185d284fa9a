package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A stand-in for the formalism check (issue 16 item 6) in tests: the flags a test put for a hall and day, none for any
 * other hall, so the real check and every other test are unaffected.
 */
@Component
public class TestSectionFlags implements SectionFlags {

    private static final Map<String, List<Flag>> FLAGS = new ConcurrentHashMap<>();

    public static void put(long siteId, LocalDate day, List<Flag> flags) {
        FLAGS.put(siteId + "/" + day, flags);
    }

    @Override
    public List<Flag> flags(long siteId, LocalDate day) {
        return FLAGS.getOrDefault(siteId + "/" + day, List.of());
    }
}
