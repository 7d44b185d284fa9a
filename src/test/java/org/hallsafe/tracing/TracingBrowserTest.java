package org.hallsafe.tracing;

import java.util.List;

import org.hallsafe.Browser;
import org.hallsafe.BrowserTest;
import org.hallsafe.HallSafeTest;
import org.hallsafe.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 1 to 3: the office traces one citizen by document number on the tracing page and sees the visit
 * (its leaving time marked 估算) and the ranked contacts; on a desk and on a 360 px phone.
 */
@BrowserTest
@HallSafeTest
class TracingBrowserTest {

    @LocalServerPort int port;
    @Autowired TracedDay days;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r17_1_theOfficeTracesOneCitizenByDocumentNumber() throws Exception {
        TracedDay.Day d = days.seed();
        try (Browser desk = new Browser(port); Browser phone = new Browser(port)) {
            desk.signIn(d.hall().officeDirector(), TestAccounts.PASSWORD);
            desk.open("/tracing");
            desk.screenshot("r17-tracing-start-desk");
            desk.type(By.id("docNo"), d.subjectId());
            desk.click(By.id("trace-start"));
            // no reason: the message beside the field, the number still there
            assertThat(desk.text(By.cssSelector("#reason ~ .invalid-feedback"))).isEqualTo("请写明追踪原因（会记入操作日志）");
            assertThat(desk.driver().findElement(By.id("docNo")).getAttribute("value")).isEqualTo(d.subjectId());
            desk.type(By.id("reason"), "区疾控中心通报该市民核酸阳性");
            desk.click(By.id("trace-start"));
            desk.waitFor(ExpectedConditions.urlMatches(".*/tracing/\\d+$"));
            assertThat(desk.text(By.id("trace-subject"))).startsWith("陈静 · ");
            List<String> names = desk.driver().findElements(By.cssSelector("#contacts .contact-name")).stream()
                    .map(WebElement::getText).toList();
            assertThat(names).containsExactly("刘洋", "孙丽", "钱伟", "王芳", "赵志强");
            assertThat(desk.text(By.id("visits"))).contains("估算").contains("按预约时段结束估算");
            desk.screenshot("r17-tracing-result-desk");
            String result = desk.driver().getCurrentUrl();

            phone.signIn(d.hall().officeDirector(), TestAccounts.PASSWORD);
            phone.driver().manage().window().setSize(new Dimension(360, 800));
            phone.open("/tracing");
            phone.text(By.tagName("h1"));
            phone.screenshot("r17-tracing-start-phone");
            phone.driver().get(result);
            assertThat(phone.text(By.id("contacts"))).contains("刘洋");
            phone.screenshot("r17-tracing-result-phone");
        }
    }

    @Test
    void r17_3_aBusyTraceListsTheClosestHundredFirstAndFiltersByKind() throws Exception {
        TracedDay.Day d = days.seed();
        days.crowd(d, 105);
        try (Browser desk = new Browser(port)) {
            desk.signIn(d.hall().officeDirector(), TestAccounts.PASSWORD);
            desk.open("/tracing");
            desk.type(By.id("docNo"), d.subjectId());
            desk.type(By.id("reason"), "区疾控中心通报该市民核酸阳性");
            desk.click(By.id("trace-start"));
            desk.waitFor(ExpectedConditions.urlMatches(".*/tracing/\\d+$"));
            assertThat(desk.text(By.xpath("//h2[starts-with(., '接触者')]"))).isEqualTo("接触者（110人）");
            assertThat(rows(desk)).as("the closest hundred first").hasSize(100).startsWith("刘洋");
            assertThat(desk.text(By.id("contacts-more"))).contains("按接触程度列出最密切的 100 人，共 110 人");
            desk.screenshot("r17-tracing-busy-desk");

            desk.click(By.linkText("显示全部 110 人"));
            desk.waitFor(ExpectedConditions.urlContains("all=true"));
            assertThat(rows(desk)).hasSize(110);
            assertThat(desk.driver().findElements(By.id("contacts-more"))).isEmpty();

            desk.click(By.cssSelector("#contact-kinds a[data-kind=SERVED_BY]"));
            desk.waitFor(ExpectedConditions.urlContains("kind=SERVED_BY"));
            assertThat(rows(desk)).containsExactly("刘洋");
            assertThat(desk.text(By.cssSelector("#contact-kinds [aria-current=page]"))).isEqualTo("窗口办理 1");
            assertThat(desk.text(By.cssSelector("#contact-kinds a[data-kind=VISITOR]"))).isEqualTo("同时在厅 107");

            // a kind this trace has none of lists them all again, 全部 marked
            desk.driver().get(desk.driver().getCurrentUrl().replace("kind=SERVED_BY", "kind=CANTEEN"));
            assertThat(desk.text(By.cssSelector("#contact-kinds [aria-current=page]"))).isEqualTo("全部 110");
            assertThat(rows(desk)).hasSize(100);
        }
    }

    private static List<String> rows(Browser b) {
        return b.driver().findElements(By.cssSelector("#contacts .contact-name")).stream().map(WebElement::getText)
                .toList();
    }
}
