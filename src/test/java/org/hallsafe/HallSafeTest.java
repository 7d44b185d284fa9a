package org.hallsafe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test on the whole application: a real embedded PostgreSQL, a real server on a random port, MockMvc,
 * and the movable clock. Every test class with this annotation shares one context and so one database: tests use
 * names of their own and never assume an empty table. The clock starts at the real now in every test
 * ({@link MutableClock.Reset}); no scheduled job starts by itself ({@code hallsafe.jobs.run-on-schedule=false} in
 * {@code application-test.yml}): a test calls the job it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({HallSafeTest.Clocks.class, org.hallsafe.platform.TestSmsGateway.Config.class})
@ExtendWith(MutableClock.Reset.class)
public @interface HallSafeTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(MutableClock.realNow(), ZoneId.of("Asia/Shanghai"));
        }
    }
}
