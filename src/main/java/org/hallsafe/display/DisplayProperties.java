package org.hallsafe.display;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hall's display screens, under {@code hallsafe.display.*}.
 *
 * @param noticeSeconds how long each notice stays on the screen before the next one
 * @param popularItems how many service items the screen lists with their next free slot
 * @param buildId what tells an open screen that a new version was deployed (it reloads itself); empty: the build time
 *     from {@code META-INF/build-info.properties}, else the node's start time (then a screen that reconnects to
 *     another node reloads once, which does no harm)
 */
@ConfigurationProperties("hallsafe.display")
public record DisplayProperties(
        @DefaultValue("20s") Duration noticeSeconds,
        @DefaultValue("4") int popularItems,
        @DefaultValue("") String buildId) {
}
