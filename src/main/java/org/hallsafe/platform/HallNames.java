package org.hallsafe.platform;

import java.util.List;

/**
 * The names a hall is known by (its name and code), which no password of its accounts may contain. The organization
 * module keeps the halls and implements this; without it, no hall name is checked.
 */
public interface HallNames {

    List<String> of(long siteId);
}
