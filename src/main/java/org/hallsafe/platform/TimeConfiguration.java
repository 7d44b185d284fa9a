package org.hallsafe.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One injected clock: schedules, deadlines and lock-outs are tested by moving it, never by sleeping. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(HallSafeProperties properties) {
        return Clock.system(properties.zone());
    }
}
