package org.hallsafe.platform;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 19, item 4: the bureau administrator reads a failed job and its error on a phone. */
@HallSafeTest
@BrowserTest
class JobsIssue19BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ScheduledJobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts accounts;

    @Test
    void r19_4_theBureauAdministratorSeesAFailedJobWithItsErrorOnAPhone() throws Exception {
        R19Jobs target = new R19Jobs();
        target.failure = "短信网关无应答 (502)";
        ScheduledFuture<?> run = jobs.scheduler().scheduleWithFixedDelay(new Task(new ScheduledMethodRunnable(target,
                R19Jobs.class.getDeclaredMethod("fails"))).getRunnable(), Duration.ofMinutes(10));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM job_runs WHERE job_name = 'R19Jobs.fails' AND outcome = 'FAILED'").query(Long.class).single() > 0);
            String bureau = accounts.create(Role.BUREAU_ADMIN);
            try (Browser phone = new Browser(port)) {
                phone.asPhone();
                phone.signIn(bureau, TestAccounts.PASSWORD);
                phone.open("/admin/jobs");
                phone.screenshot("jobs-phone");
                By card = By.cssSelector("[data-job='R19Jobs.fails']");
                assertThat(phone.text(card)).contains("失败", "24小时内失败");
                assertThat(phone.text(By.cssSelector("[data-job='R19Jobs.fails'] .job-error")))
                        .isEqualTo("IllegalStateException: 短信网关无应答 (502)");
                assertThat(phone.text(By.cssSelector("[data-job='Escalation.escalateOverdue']"))).contains("每隔 30 秒 一次", "5 分钟");
                assertThat(((org.openqa.selenium.JavascriptExecutor) phone.driver()).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .as("the page does not scroll sideways on a phone").isEqualTo(0L);
            }
        } finally {
            run.cancel(true);
        }
    }
}
