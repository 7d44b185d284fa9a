package org.hallsafe.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 7: a faster, steadier suite. Cheap hashes, no job by itself, the clock at now, browser tests tagged. */
@HallSafeTest
class SuiteIssue13Test {

    @Autowired PasswordEncoder passwords;
    @Autowired MutableClock clock;
    @Autowired List<ScheduledTaskHolder> schedules;

    @Test
    void r13_7_theTestsHashPasswordsCheaplyWhileProductionKeepsBcryptCost10() throws Exception {
        assertThat(passwords.encode("Test-Password-2026")).startsWith("{bcrypt}$2a$04$");

        // production: application.yml as shipped, no hallsafe.security.password-strength set
        StandardEnvironment production = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(production.getPropertySources()::addLast);
        HallSafeProperties.Security security = new Binder(ConfigurationPropertySources.get(production),
                new PropertySourcesPlaceholdersResolver(production))
                .bindOrCreate("hallsafe.security", HallSafeProperties.Security.class);
        assertThat(security.passwordStrength()).isEqualTo(10);
        PasswordEncoder bcrypt = SecurityConfiguration.bcrypt(security.passwordStrength());
        String hash = bcrypt.encode("Test-Password-2026");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(bcrypt.matches("Test-Password-2026", hash)).isTrue();
        // a hash keeps its cost: accounts made before a change of strength still sign in
        assertThat(passwords.matches("Test-Password-2026", hash)).isTrue();
    }

    @Test
    void r13_7_noScheduledJobStartsByItselfInTheTestsButEveryJobIsStillListed() {
        Map<String, ScheduledTask> tasks = schedules.stream().flatMap(h -> h.getScheduledTasks().stream())
                .collect(Collectors.toMap(t -> ScheduledJobs.jobName(t.getTask().getRunnable()), t -> t, (a, b) -> a));
        assertThat(tasks).containsKeys("Escalation.escalateOverdue", "DeliveryWorker.poll", "Reminders.remind");
        assertThat(tasks.values()).allSatisfy(t -> assertThat(t.nextExecution()).as(t.toString()).isNull());
    }

    @Test
    void r13_7_onASiteTheJobsRunOnTheirSchedules() throws Exception {
        assertThat(runs(true)).as("runs of a job every 10 ms within 300 ms").isPositive();
        assertThat(runs(false)).isZero();
    }

    /** A registrar as Spring's scheduling sets it up, with one job every 10 ms, configured by ScheduledJobs. */
    private static int runs(boolean runOnSchedule) throws InterruptedException {
        ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
        pool.initialize();
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        registrar.setTaskScheduler(pool);
        AtomicInteger runs = new AtomicInteger();
        registrar.addFixedDelayTask(runs::incrementAndGet, Duration.ofMillis(10));
        JobProperties properties = new JobProperties(1, Duration.ofMinutes(5), Map.of(), Duration.ofDays(7), runOnSchedule);
        JobRuns records = new JobRuns(null, properties, Clock.systemUTC()) {
            @Override
            void record(String job, Instant started, Duration took, Outcome outcome, String error) {
            }
        };
        ScheduledJobs jobs = new ScheduledJobs(properties, records, new SimpleMeterRegistry(), Clock.systemUTC());
        jobs.configureTasks(registrar);
        registrar.afterPropertiesSet();
        try {
            Thread.sleep(300);
            if (!runOnSchedule) {
                assertThat(registrar.getScheduledTasks()).singleElement()
                        .satisfies(t -> assertThat(t.nextExecution()).isNull());
            }
            return runs.get();
        } finally {
            registrar.destroy();
            jobs.destroy();
            pool.shutdown();
        }
    }

    /** Twice: whichever runs second starts at now again, not 30 days on. */
    @RepeatedTest(2)
    void r13_7_everyTestStartsWithTheClockAtNow() {
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        clock.advance(Duration.ofDays(30));
    }

    @Test
    void r13_7_everyTestThatOpensChromiumIsTaggedBrowser() {
        var tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.hallsafe");
        List<String> untagged = tests.stream().flatMap(c -> c.getConstructorCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().isEquivalentTo(Browser.class))
                .filter(call -> !tagged(call))
                .map(call -> call.getOrigin().getFullName()).distinct().toList();
        assertThat(untagged).as("add @BrowserTest to these tests (or to their classes)").isEmpty();
        assertThat(BrowserTest.class.getAnnotation(Tag.class).value()).isEqualTo("browser");
    }

    private static boolean tagged(JavaConstructorCall call) {
        if (call.getOrigin().isMetaAnnotatedWith(BrowserTest.class) || call.getOrigin().isAnnotatedWith(BrowserTest.class)) {
            return true;
        }
        for (JavaClass c = call.getOriginOwner(); c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.isAnnotatedWith(BrowserTest.class)) {
                return true;
            }
        }
        return false;
    }
}
